#pragma once
/// What `batch` tells people at the end of a run (on stderr): the counts and the input's lines (header,
/// blank, in rows: they add up to the file's lines), then each program's
/// eligible and possible companies and government total.
#include <iosfwd>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

/// `seconds`: the run's wall time, shown with the counts.
void print_batch_summary(std::ostream& out, const BatchSummary& summary, Lang lang, double seconds);

}  // namespace sfgrant
