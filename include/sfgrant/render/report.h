#pragma once
/// `sfgrant report`: one company's `check` as a self-contained, print-ready HTML page for the client
/// (inline CSS and SVG, no script, nothing fetched; A4). The layout pieces the page is drawn from are
/// here too, so tests can check the geometry without reading SVG.
#include <array>
#include <ctime>
#include <ostream>
#include <string>
#include <vector>

#include "sfgrant/engine/evaluate.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

struct ReportInput {
  const Evaluation& evaluation;
  const Profile& profile;
  std::string version;    ///< sfgrant's
  std::time_t generated;  ///< generation time (SOURCE_DATE_EPOCH in tests)
};

struct PageTemplate;

/// The page, laid out by `page` (share/sfgrant/templates/report.html.mustache or --template FILE).
void render_report(const ReportInput& input, Lang lang, const PageTemplate& page, std::ostream& out);

/// The names the report's template may use, the ones context() sets (share/sfgrant/templates/README.md).
const std::vector<std::string>& report_template_names();

/// A generation time as the pages write it: "2026-01-01 00:00 UTC".
std::string generated_text(std::time_t when);

/// The kinds programs are grouped by in the report, in the order shown.
enum class ProgramGroup { build, automation, ai_data, consulting, rnd, service, other };
/// The group of a program, from its `category` (one table in report_layout.cpp); `other` only for a
/// category the table does not know (a test keeps every category of programs/ in the table).
ProgramGroup program_group(const Program& program);
std::string group_label(ProgramGroup group, Lang lang);

/// The parts of a split's stacked bar, in the order drawn: 정부 / 기업 / 대기업·주관기관 / 지자체.
enum class SplitPart { government, company, large_company, local_government };
struct BarSegment {
  SplitPart part;
  Won amount = 0;
  int x = 0;      ///< in bar units from the left
  int width = 0;  ///< in bar units
};
/// The segments of `split` on a bar `width` units wide: proportional to the amounts, whole units
/// that add up to `width` exactly (largest remainder), zero amounts left out.
std::vector<BarSegment> stacked_bar(const Split& split, int width);
std::string split_part_label(SplitPart part, Lang lang);

/// Where a date falls on a calendar of `year`'s twelve months drawn `width` units wide: the start of
/// its day (or of its month when only the month is given), or with `end` the end of it; clamped to
/// the year (a window opened in the previous year starts at 0).
double calendar_x(const Date& date, int year, double width, bool end = false);

}  // namespace sfgrant
