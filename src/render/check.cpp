#include "sfgrant/render/check.h"

#include "sfgrant/render/check_json.h"
#include "sfgrant/render/check_markdown.h"
#include "sfgrant/render/check_table.h"
#include "sfgrant/render/what_if.h"
#include "sfgrant/render/what_it_takes.h"
#include "sfgrant/render/year_compare.h"

namespace sfgrant {

void render_check(const CheckReport& report, const RenderOptions& options, Format format, std::ostream& out) {
  if (format == Format::table) {
    render_check_table(report.evaluation, report.profile, report.newest_year, options, out);
    if (report.what_if != nullptr) render_what_if_table(*report.what_if, report.profile, options, out);
    if (report.what_it_takes != nullptr) render_what_it_takes(*report.what_it_takes, report.profile, options, out);
    if (report.compare != nullptr) render_year_compare_table(*report.compare, options, out);
    return;
  }
  if (format == Format::markdown) {  // the check itself: cli refuses --set, --what-it-takes, --explain with it
    render_check_markdown(report.evaluation, report.profile, options.lang, out);
    return;
  }
  print_json(out, [&](JsonWriter& json) {
    const CheckJson writer(*report.evaluation.catalogue, options.lang, JsonWriter::Style::pretty);
    json.begin_object();
    writer.write_members(report.evaluation, report.profile, {options.explain, options.next_steps}, json);
    if (report.what_if != nullptr) {
      json.key("what_if");
      write_what_if_json(*report.what_if, report.profile, options.lang, json);
    }
    if (report.what_it_takes != nullptr) {
      json.key("what_it_takes");
      write_what_it_takes_json(*report.what_it_takes, report.profile, options.lang, json);
    }
    if (report.compare != nullptr) {
      json.key("compare");
      write_year_compare_json(*report.compare, options.lang, json);
    }
    json.end_object();
  });
}

}  // namespace sfgrant
