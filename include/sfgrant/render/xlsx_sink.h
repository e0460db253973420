#pragma once
/// The xlsx output of `batch`: a workbook a consultant can send (results, per-program totals,
/// rejected rows), written with libxlsxwriter in constant-memory mode.
#include <memory>
#include <string>

#include "sfgrant/batch/batch.h"

namespace sfgrant {

/// Writes to `path` (the workbook is only complete after end()). Throws Error when it cannot.
std::unique_ptr<BatchSink> make_xlsx_sink(const std::string& path, const Catalogue& catalogue, Lang lang);

}  // namespace sfgrant
