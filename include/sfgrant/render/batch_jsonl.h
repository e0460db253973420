#pragma once
/// The jsonl output of `batch`: one SPEC §7 object per company and line (what `check --format
/// json` writes, with the input line first), a rejected row as {"line","status":"error",
/// "company":{"name"},"error"} where it stood in the input. `--detail summary` writes a compact
/// record instead of the SPEC §7 object (render/summary_record.h); rejected rows are the same.
#include <iosfwd>
#include <memory>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

/// What a company's line holds: the SPEC §7 object (default), or the summary record.
enum class JsonlDetail { full, summary };

/// Writes to `out`, which must outlive the format; `catalogue` is the one run_batch evaluates.
/// `bom`: start with a UTF-8 BOM (--bom has always applied to jsonl too, not only to csv).
std::unique_ptr<BatchFormat> make_batch_jsonl(std::ostream& out, const Catalogue& catalogue, Lang lang, bool bom,
                                              JsonlDetail detail = JsonlDetail::full);

}  // namespace sfgrant
