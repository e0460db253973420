#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "sfgrant/engine/split.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/text/table.h"

namespace sfgrant::cli {

void setup_split(CLI::App& app, std::shared_ptr<SplitOptions> options) {
  CLI::App* sub = app.add_subcommand("split", "government / private cost split of one track, no profile needed");
  sub->add_option("PROGRAM", options->target, "PROGRAM[:TRACK], e.g. government:advanced")->required();
  sub->add_option("--cost", options->cost, "total project cost, e.g. 4억원 or 400,000,000")->required();
  sub->add_option("--level", options->level, "current smart factory level (level-dependent caps)");
  sub->add_option("--target-level", options->target_level, "target level (level-dependent caps)");
  sub->add_option("--years", options->yearly, "cost of each year for multi-year tracks, e.g. --years 6억원 --years 6억원");
  add_common(*sub, options->common);
}

namespace {

std::optional<int> level_option(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  auto idx = level_vocabulary().find(text);
  if (!idx) throw Error(fmt::format("invalid {} \"{}\": expected one of {}", option, text, level_vocabulary().describe()));
  return *idx;
}

}  // namespace

int run_split(const SplitOptions& options) {
  const Catalogue catalogue = load_catalogue(options.common);
  const auto colon = options.target.find(':');
  const std::string program_id = options.target.substr(0, colon);
  const std::string track_id = colon == std::string::npos ? "" : options.target.substr(colon + 1);
  const Program* program = catalogue.find_program(program_id);
  if (program == nullptr) {
    std::vector<std::string> ids;
    for (const auto& p : catalogue.programs) ids.push_back(p.id);
    std::string message = fmt::format("unknown program \"{}\" in {}", program_id, catalogue.year);
    if (auto near = closest(program_id, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
    throw Error(message + "; see `sfgrant programs list`");
  }
  const Track* track = nullptr;
  std::vector<std::string> track_ids;
  for (const auto& t : program->tracks) track_ids.push_back(t.id);
  if (track_id.empty()) {
    if (program->tracks.size() != 1)
      throw Error(fmt::format("{} has several tracks; name one: {}", program_id,
                              fmt::format("{}", fmt::join(track_ids, ", "))));
    track = &program->tracks.front();
  } else {
    track = program->find_track(track_id);
    if (track == nullptr)
      throw Error(fmt::format("unknown track \"{}\" of {}; expected one of {}", track_id, program_id,
                              fmt::format("{}", fmt::join(track_ids, ", "))));
  }
  if (!track->has_money()) {
    std::string why = track->notes.empty() ? "" : " (" + track->notes.front().text.in(resolve_lang(options.common)) + ")";
    throw Error(fmt::format("{}:{} has no cap and ratio to split by{}", program_id, track->id, why));
  }
  Won cost = 0;
  try {
    cost = parse_amount(options.cost);
  } catch (const Error& e) {
    throw Error("--cost: " + e.message());
  }
  std::vector<Won> yearly;
  for (const auto& y : options.yearly) {
    try {
      yearly.push_back(parse_amount(y));
    } catch (const Error& e) {
      throw Error("--years: " + e.message());
    }
  }
  const auto level = level_option(options.level, "--level");
  const auto target = level_option(options.target_level, "--target-level");
  auto cap = cap_for_levels(*track, level, target);
  if (!cap) {
    if (!level || !target)
      throw Error(fmt::format("{}:{} has a level-dependent cap: give --level and --target-level", program_id, track->id));
    throw Error(fmt::format("{}:{} has no cap for {} → {} (see `sfgrant programs show {}`)", program_id, track->id,
                            options.level, options.target_level, program_id));
  }
  const Split split = compute_split(*track, *cap, cost, yearly);
  const auto fsc = full_support_cost(*track, *cap);
  const Lang lang = resolve_lang(options.common);
  if (resolve_format(options.common) == Format::json) {
    nlohmann::ordered_json j;
    j["year"] = catalogue.year;
    j["program"] = program->id;
    j["track"] = track->id;
    j["months"] = track->months ? nlohmann::ordered_json(*track->months) : nlohmann::ordered_json(nullptr);
    j["cap"] = *cap;
    j["ratio"] = static_cast<double>(track->ratio->basis_points) / static_cast<double>(Ratio::kWhole);
    j["ratio_percent"] = format_ratio(*track->ratio);
    j["full_support_cost"] = fsc ? nlohmann::ordered_json(*fsc) : nlohmann::ordered_json(nullptr);
    j["split"] = split_json(split);
    j["source"] = track->source;
    std::cout << j.dump(2) << '\n';
    return kExitOk;
  }
  auto line = [&](const char* ko, const char* en, const std::string& value) {
    std::string label = lang == Lang::ko ? ko : en;
    while (!label.empty() && label.back() == ' ') label.pop_back();
    const int pad = 18 - display_width(label);
    std::cout << "  " << label << std::string(static_cast<size_t>(pad > 1 ? pad : 1), ' ') << value << '\n';
  };
  std::cout << program->name.in(lang) << " · " << track->name.in(lang) << " [" << program->id << ":" << track->id << "] · "
            << catalogue.year << '\n';
  line("총사업비     ", "total          ", format_money(split.total, lang));
  line("정부지원금   ", "government     ", format_money(split.government, lang));
  line("민간부담금   ", "private        ", format_money(split.private_share, lang));
  if (split.large_company) {
    line("  대기업", "  large company", format_money(*split.large_company, lang));
    line("  도입기업", "  company", format_money(split.company, lang));
  }
  if (split.private_in_kind_max) line("현물 인정 한도 ", "in-kind at most ", format_money(*split.private_in_kind_max, lang));
  if (split.company_cash_min) line("현금부담 최소 ", "cash at least  ", format_money(*split.company_cash_min, lang));
  for (const auto& y : split.years) {
    const std::string label = lang == Lang::ko ? fmt::format("  {}차년도", y.year) : fmt::format("  year {}", y.year);
    line(label.c_str(), label.c_str(),
         format_money(y.total, lang) + " → " + (lang == Lang::ko ? "정부 " : "government ") + format_money(y.government, lang));
  }
  line("지원 한도     ", "cap            ", format_money(*cap, lang) + " · " + format_ratio(*track->ratio));
  if (fsc) line("한도 도달 사업비 ", "full support at ", format_money(*fsc, lang));
  line("근거         ", "source         ", track->source);
  return kExitOk;
}

}  // namespace sfgrant::cli
