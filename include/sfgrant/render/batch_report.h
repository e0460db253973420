#pragma once
/// `batch --report FILE.html`: the agency summary of a company list, drawn from the run's counts alone
/// (BatchSummary: no row is kept, so it is the same size for ten companies or a million): companies
/// read / evaluated / rejected, each program's eligible and possible companies beside its 지원 과제수
/// (quota) and the expected competition ratio, the government support asked for, companies by region and
/// by size, the questions that would decide the most companies, and the rejected rows by kind. A
/// self-contained, print-ready HTML page like `report`'s (inline CSS and SVG bars, no script, nothing
/// fetched; A4), laid out by a template (page_template.h), every piece of text escaped.
#include <ctime>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sfgrant/batch/batch.h"
#include "sfgrant/model/date.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/money.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

struct BatchReportInput {
  const BatchSummary& summary;
  const Catalogue& catalogue;
  std::string list_name;      ///< the company list as given on the command line
  std::optional<Date> as_of;  ///< the reference date of the windows
  std::optional<Won> cost;    ///< --cost AMOUNT, for every company
  std::string version;        ///< sfgrant's
  std::time_t generated;      ///< generation time (SOURCE_DATE_EPOCH in tests)
};

struct PageTemplate;

/// The page, laid out by `page` (share/sfgrant/templates/batch-report.html.mustache or --template FILE).
void render_batch_report(const BatchReportInput& input, Lang lang, const PageTemplate& page, std::ostream& out);

/// The names the summary's template may use (share/sfgrant/templates/README.md).
const std::vector<std::string>& batch_report_template_names();

/// A bar's length in whole units of `width` for `value` on a scale whose longest bar is `max`: rounded
/// down, but at least 1 for a value above zero (a count that exists is never drawn as nothing).
int bar_length(long value, long max, int width);

/// The expected competition ratio, eligible companies per place (eligible / quota), to one decimal,
/// rounded half up in integers: `12.3`; empty without a quota.
std::string competition_ratio(long eligible, std::optional<int> quota);

}  // namespace sfgrant
