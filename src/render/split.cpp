#include "sfgrant/render/split.h"

#include <fmt/format.h>

#include "sfgrant/render/check_json.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

void split_json(const SplitReport& r, JsonWriter& out) {
  const Track& track = r.track;
  out.begin_object();
  out.member("year", r.year);
  out.member("program", r.program.id);
  out.member("track", track.id);
  out.member("months", track.months);
  out.member("cap", r.cap);
  out.member("ratio", static_cast<double>(track.ratio->basis_points) / static_cast<double>(Ratio::kWhole));
  out.member("ratio_percent", format_ratio(*track.ratio));
  out.member("full_support_cost", r.full_support_cost);
  out.key("split");
  write_split_json(r.split, out);
  out.member("source", track.source);
  out.end_object();
}

void split_lines(const SplitReport& r, Lang lang, std::ostream& out) {
  const Split& split = r.split;
  auto line = [&](const char* ko, const char* en, const std::string& value) {
    std::string label = lang == Lang::ko ? ko : en;
    while (!label.empty() && label.back() == ' ') label.pop_back();
    const int pad = 18 - display_width(label);
    out << "  " << label << std::string(static_cast<size_t>(pad > 1 ? pad : 1), ' ') << value << '\n';
  };
  out << r.program.name.in(lang) << " · " << r.track.name.in(lang) << " [" << r.program.id << ":" << r.track.id
      << "] · " << r.year << '\n';
  line("총사업비     ", "total          ", format_money(split.total, lang));
  line("정부지원금   ", "government     ", format_money(split.government, lang));
  line("민간부담금   ", "private        ", format_money(split.private_share, lang));
  if (split.large_company) {
    line("  대기업", "  large company", format_money(*split.large_company, lang));
    line("  도입기업", "  company", format_money(split.company, lang));
  }
  if (split.private_in_kind_max)
    line("현물 인정 한도 ", "in-kind at most ", format_money(*split.private_in_kind_max, lang));
  if (split.company_cash_min) line("현금부담 최소 ", "cash at least  ", format_money(*split.company_cash_min, lang));
  for (const PartyLimitLine& limit : party_limit_lines(split, r.track, lang))
    out << "  ※ " << limit.text << "  [" << *limit.source << "]\n";
  for (const auto& y : split.years) {
    const std::string label = lang == Lang::ko ? fmt::format("  {}차년도", y.year) : fmt::format("  year {}", y.year);
    line(label.c_str(), label.c_str(),
         format_money(y.total, lang) + " → " + (lang == Lang::ko ? "정부 " : "government ") +
             format_money(y.government, lang));
  }
  line("지원 한도     ", "cap            ", format_money(r.cap, lang) + " · " + format_ratio(*r.track.ratio));
  if (r.full_support_cost) line("한도 도달 사업비 ", "full support at ", format_money(*r.full_support_cost, lang));
  line("근거         ", "source         ", r.track.source);
}

}  // namespace

void render_split(const SplitReport& r, const RenderOptions& options, Format format, std::ostream& out) {
  if (format == Format::json)
    print_json(out, [&](JsonWriter& json) { split_json(r, json); });
  else
    split_lines(r, options.lang, out);
}

}  // namespace sfgrant
