#pragma once
/// The xlsx output of `batch`: a workbook a consultant can send (results, rejected rows,
/// per-program totals), written with libxlsxwriter in constant-memory mode.
#include <memory>
#include <string>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

/// Writes to `path`; the workbook is complete after end() (destroying the format before closes
/// what was written). `all`: every status, not only eligible and possible. Throws Error when the
/// workbook cannot be created.
std::unique_ptr<BatchFormat> make_batch_xlsx(const std::string& path, const Catalogue& catalogue, Lang lang, bool all);

}  // namespace sfgrant
