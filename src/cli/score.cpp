// `sfgrant score PROGRAM --sheet FILE | --template`: a selection score from an announcement's
// evaluation sheet (선정평가). Pipeline: find the year → load the rubric → load the sheet → score → render.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/load/rubric_loader.h"
#include "sfgrant/load/sheet_loader.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/rubric.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/render/sheet_template.h"
#include "sfgrant/score/score.h"
#include "sfgrant/text/file.h"
#include "sfgrant/text/table.h"
#include "sfgrant/validate/rubric_checks.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

struct ScoreOptions {
  CommonOptions common;
  std::string program;
  std::string sheet;
  std::string stage;
  bool print_template = false;
};

namespace {

int run_score(const ScoreOptions& options);

/// --year, else the newest year that has an evaluation sheet for the program, else the newest year.
int score_year(const ScoreOptions& options, const std::string& programs_dir) {
  if (options.common.year != 0) return options.common.year;
  auto years = available_years(programs_dir);
  for (auto y = years.rbegin(); y != years.rend(); ++y) {
    const auto ids = rubric_programs((fs::path(programs_dir) / std::to_string(*y)).string());
    if (std::find(ids.begin(), ids.end(), options.program) != ids.end()) return *y;
  }
  return resolve_year(options.common, programs_dir);
}

[[noreturn]] void no_rubric(const std::string& programs_dir, int year, const std::string& program) {
  std::vector<std::string> all;
  std::vector<std::string> ids;
  for (int y : available_years(programs_dir))
    for (const auto& id : rubric_programs((fs::path(programs_dir) / std::to_string(y)).string())) {
      all.push_back(fmt::format("{} ({})", id, y));
      ids.push_back(id);
    }
  std::string message = fmt::format("no evaluation sheet for \"{}\" in {}", program, year);
  if (auto near = closest(program, ids); near && *near != program) message += fmt::format("; did you mean \"{}\"?", *near);
  if (!all.empty()) message += fmt::format("; sheets exist for {}", fmt::join(all, ", "));
  throw Error(message);
}

const Stage& pick_stage(const Rubric& rubric, const std::string& wanted) {
  std::vector<std::string> ids;
  std::string listed;
  for (const auto& s : rubric.stages) {
    ids.push_back(s.id);
    listed += fmt::format("{}{} ({})", listed.empty() ? "" : ", ", s.id, s.name.ko);
  }
  if (wanted.empty()) {
    if (rubric.stages.size() == 1) return rubric.stages.front();
    throw Error(fmt::format("{} has {} stages: choose one with --stage: {}", rubric.program, rubric.stages.size(), listed));
  }
  if (const Stage* s = rubric.find_stage(wanted)) return *s;
  std::string message = fmt::format("unknown --stage \"{}\" of {}", wanted, rubric.program);
  if (auto near = closest(wanted, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
  throw Error(message + "; expected one of " + listed);
}

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::pass: return "pass";
    case Verdict::fail: return "fail";
    case Verdict::no_pass_mark: return "no_pass_mark";
    case Verdict::incomplete: return "incomplete";
  }
  return "";
}

std::string verdict_label(Verdict v, Lang lang) {
  const bool ko = lang == Lang::ko;
  switch (v) {
    case Verdict::pass: return ko ? "통과" : "pass";
    case Verdict::fail: return ko ? "탈락" : "fail";
    case Verdict::no_pass_mark: return ko ? "합격선 없음" : "no pass mark";
    case Verdict::incomplete: return ko ? "부분 점수" : "partial";
  }
  return "";
}

std::string percent(Rational r) { return (r * Rational(100)).exact() + "%"; }

/// What a consultant should know besides the score: too few evaluators to trim, bonus evidence, the stage's notes.
std::vector<std::pair<Text, std::string>> result_notes(const ScoreResult& r) {
  std::vector<std::pair<Text, std::string>> notes;
  if (r.too_few_to_trim)
    notes.push_back({Text{"평가위원이 3명 미만이라 최고점·최저점을 제외하지 않고 전체 평균을 냈습니다",
                          "fewer than 3 evaluators: nothing is dropped, the plain mean of all is used"},
                     r.stage->evaluators.source});
  for (const auto* b : r.bonus_held)
    if (!b->note.empty()) notes.push_back({b->note, b->source});
  for (const auto& n : r.stage->notes) notes.push_back({n.text, n.source});
  return notes;
}

nlohmann::ordered_json score_json(const ScoreResult& r, const Sheet& sheet, int year, Lang lang) {
  using json = nlohmann::ordered_json;
  const Stage& stage = *r.stage;
  json j;
  j["year"] = year;
  j["program"] = r.rubric->program;
  j["stage"] = stage.id;
  j["stage_name"] = stage.name.in(lang);
  j["company"] = sheet.company.empty() ? json(nullptr) : json(sheet.company);
  if (stage.suitability) {
    json items = json::array();
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const auto& item = stage.suitability->items[k];
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      items.push_back({{"id", item.id},
                       {"text", item.text.in(lang)},
                       {"answer", ok ? stage.suitability->pass_mark : stage.suitability->fail_mark},
                       {"suitable", ok},
                       {"source", item.source}});
    }
    j["suitability"] = {{"suitable", r.suitable}, {"items", items}};
  } else {
    j["suitability"] = nullptr;
  }
  if (stage.scored()) {
    json evs = json::array();
    for (const auto& e : r.evaluators) {
      json sections;
      for (size_t k = 0; k < stage.sections.size(); ++k) sections[stage.sections[k].id] = e.sections[k].rounded();
      evs.push_back({{"name", e.name.empty() ? json(nullptr) : json(e.name)},
                     {"total", e.total.rounded()},
                     {"sections", sections},
                     {"counted", e.counted},
                     {"dropped", e.dropped.empty() ? json(nullptr) : json(e.dropped)}});
    }
    j["evaluators"] = evs;
    j["aggregate"] = stage.evaluators.aggregate == Aggregate::trimmed_mean ? "trimmed_mean" : "mean";
    j["too_few_to_trim"] = r.too_few_to_trim;
    j["evaluator_score"] = r.evaluator_score.rounded();
    j["evaluator_score_exact"] = r.evaluator_score.exact();
    if (stage.combine)
      j["extra"] = {{"id", stage.combine->extra_id},
                    {"name", stage.combine->extra_name.in(lang)},
                    {"score", r.extra ? json(r.extra->rounded()) : json(nullptr)},
                    {"weight", stage.combine->extra_weight.rounded(4)},
                    {"evaluators_weight", stage.combine->evaluators_weight.rounded(4)}};
    else
      j["extra"] = nullptr;
    j["base_score"] = r.base.rounded();
    j["base_score_exact"] = r.base.exact();
    if (stage.bonus) {
      json held = json::array();
      for (const auto* b : r.bonus_held) held.push_back({{"id", b->id}, {"points", b->points.rounded()}});
      j["bonus"] = {{"held", held},
                    {"sum", r.bonus_sum.rounded()},
                    {"cap", stage.bonus->cap ? json(stage.bonus->cap->rounded()) : json(nullptr)},
                    {"points", r.bonus.rounded()}};
    } else {
      j["bonus"] = nullptr;
    }
    j["final_score"] = r.final_score.rounded();
    j["final_score_exact"] = r.final_score.exact();
    j["max_score"] = stage.final_max().rounded();
  } else {
    for (const char* key : {"evaluators", "aggregate", "evaluator_score", "extra", "base_score", "bonus", "final_score",
                            "max_score"})
      j[key] = nullptr;
  }
  j["pass_mark"] = stage.pass ? json{{"at_least", stage.pass->at_least.rounded()},
                                     {"on", stage.pass->on == PassOn::base ? "base" : "final"},
                                     {"source", stage.pass->source}}
                              : json(nullptr);
  j["result"] = verdict_id(r.verdict);
  j["passed_by_bonus"] = r.passed_by_bonus;
  j["reason"] = r.reason.in(lang);
  json losses = json::array();
  for (const auto& l : r.losses)
    losses.push_back({{"section", l.section->id},
                      {"item", l.item->id},
                      {"text", l.item->text.in(lang)},
                      {"max", l.item->max.rounded()},
                      {"mean", l.mean.rounded()},
                      {"lost", l.lost.rounded()}});
  j["losses"] = losses;
  json notes = json::array();
  for (const auto& [text, source] : result_notes(r)) notes.push_back({{"text", text.in(lang)}, {"source", source}});
  j["notes"] = notes;
  j["source"] = stage.source;
  return j;
}

/// Label and value lines, the values right-aligned in one column.
void print_summary(const std::vector<std::pair<std::string, std::string>>& lines, std::ostream& out) {
  int label_width = 0;
  int value_width = 0;
  for (const auto& [label, value] : lines) {
    label_width = std::max(label_width, display_width(label));
    value_width = std::max(value_width, display_width(value));
  }
  for (const auto& [label, value] : lines)
    out << label << std::string(static_cast<size_t>(label_width - display_width(label) + 2), ' ')
        << std::string(static_cast<size_t>(value_width - display_width(value)), ' ') << value << '\n';
}

void render_score_table(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, std::ostream& out) {
  const bool ko = lang == Lang::ko;
  const Stage& stage = *r.stage;
  const int width = terminal_width();
  out << r.rubric->name.in(lang) << " · " << stage.name.in(lang) << " [" << r.rubric->program << ":" << stage.id
      << "] · " << year << '\n';
  if (!sheet.company.empty()) out << (ko ? "회사: " : "company: ") << sheet.company << '\n';

  if (stage.suitability) {
    out << '\n' << (ko ? "적합성" : "Suitability") << '\n';
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      const std::string line = fmt::format("  {}  {}", ok ? stage.suitability->pass_mark : stage.suitability->fail_mark,
                                           stage.suitability->items[k].text.in(lang));
      out << (width > 0 ? truncate_to_width(line, width) : line) << '\n';
    }
  }

  if (stage.scored()) {
    std::vector<std::string> headers{ko ? "평가위원" : "evaluator"};
    std::vector<Align> align{Align::left};
    for (const auto& s : stage.sections) {
      headers.push_back(fmt::format("{}({})", s.name.in(lang), s.points.exact()));
      align.push_back(Align::right);
    }
    headers.push_back(fmt::format("{}({})", ko ? "합계" : "total", stage.items_max().exact()));
    align.push_back(Align::right);
    // which evaluators the trimmed mean leaves out; no such column when every score counts
    const bool trims = stage.evaluators.aggregate == Aggregate::trimmed_mean;
    if (trims) {
      headers.push_back(ko ? "비고" : "note");
      align.push_back(Align::left);
    }
    Table table(headers, align);
    for (size_t k = 0; k < r.evaluators.size(); ++k) {
      const EvaluatorResult& e = r.evaluators[k];
      std::vector<std::string> row{
          e.name.empty() ? fmt::format("{} {}", ko ? "평가위원" : "evaluator", k + 1) : e.name};
      for (const auto& s : e.sections) row.push_back(s.fixed(2));
      row.push_back(e.total.fixed(2));
      if (trims)
        row.push_back(e.dropped == "highest" ? (ko ? "제외 (최고점)" : "dropped (highest)")
                      : e.dropped == "lowest" ? (ko ? "제외 (최저점)" : "dropped (lowest)")
                                              : "");
      table.add_row(row);
    }
    out << '\n';
    table.print(out, width);
    out << '\n';

    std::vector<std::pair<std::string, std::string>> summary;
    std::string mean_label;
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean && !r.too_few_to_trim)
      mean_label = ko ? "평가위원 평균 (최고·최저 제외)" : "evaluators' mean (without highest and lowest)";
    else
      mean_label = ko ? "평가위원 평균" : "evaluators' mean";
    summary.push_back({mean_label, r.evaluator_score.fixed(2)});
    if (stage.combine) {
      const Combination& c = *stage.combine;
      summary.push_back({c.extra_name.in(lang), r.extra ? r.extra->fixed(2) : "-"});
      summary.push_back({fmt::format("{} ({} × {} + {} × {})", ko ? "기본점수" : "base score", percent(c.evaluators_weight),
                                   r.evaluator_score.fixed(2), percent(c.extra_weight), r.extra ? r.extra->fixed(2) : "-"),
                       r.base.fixed(2)});
    }
    if (stage.bonus) {
      std::string held;
      for (const auto* b : r.bonus_held) held += fmt::format("{}{} {}", held.empty() ? "" : ", ", b->id, b->points.exact());
      std::string label = ko ? "가점" : "bonus";
      if (!held.empty()) label += " (" + held + ")";
      if (r.bonus != r.bonus_sum)
        label += ko ? fmt::format(" 합 {} → 최대 {}", r.bonus_sum.exact(), r.bonus.exact())
                    : fmt::format(" sum {} → capped at {}", r.bonus_sum.exact(), r.bonus.exact());
      summary.push_back({label, "+" + r.bonus.fixed(2)});
    }
    summary.push_back({ko ? "최종 점수" : "final score", r.final_score.fixed(2)});
    print_summary(summary, out);
  }

  out << '\n' << (ko ? "결과: " : "result: ") << verdict_label(r.verdict, lang) << " — " << r.reason.in(lang) << '\n';
  const std::string why = !r.suitable ? stage.suitability->source : stage.pass ? stage.pass->source : "";
  if (!why.empty()) out << "  " << (ko ? "근거: " : "source: ") << why << '\n';

  if (!r.losses.empty()) {
    out << '\n'
        << (ko ? "감점이 큰 항목 (반영된 평가위원 평균)" : "Items losing the most points (mean of the evaluators that count)")
        << '\n';
    Table losses({ko ? "감점" : "lost", ko ? "평균/배점" : "mean/max", ko ? "항목" : "item"},
                 {Align::right, Align::right, Align::left});
    for (size_t k = 0; k < r.losses.size() && k < 5; ++k) {
      const auto& l = r.losses[k];
      losses.add_row({"-" + l.lost.fixed(2), fmt::format("{}/{}", l.mean.fixed(2), l.item->max.exact()),
                      fmt::format("{} · {}", l.section->name.in(lang), l.item->text.in(lang))});
    }
    losses.print(out, width);
  }

  const auto notes = result_notes(r);
  if (!notes.empty()) {
    out << '\n' << (ko ? "참고" : "Notes") << '\n';
    for (const auto& [text, source] : notes) {
      out << "  · " << text.in(lang) << '\n';
      if (!source.empty()) out << "    " << source << '\n';
    }
  }
  out << '\n' << (ko ? "평가표: " : "sheet: ") << stage.source << '\n';
}

int run_score(const ScoreOptions& options) {
  const std::string dir = resolve_programs_dir(options.common);
  const int year = score_year(options, dir);
  const std::string year_dir = (fs::path(dir) / std::to_string(year)).string();
  Diagnostics rubric_diags;
  const std::optional<Rubric> rubric = load_program_rubric(year_dir, options.program, rubric_diags);
  if (!rubric) no_rubric(dir, year, options.program);
  if (rubric_diags.has_errors()) {
    for (const auto& d : rubric_diags.items())
      if (d.severity == Severity::error) print_diagnostic(std::cerr, d);
    throw Error(Location{rubric->file}, fmt::format("the evaluation sheet data has {} error(s); run `sfgrant validate`",
                                                    rubric_diags.error_count()));
  }
  const Lang lang = resolve_lang(options.common);

  if (options.print_template) {
    write_sheet_template(*rubric, pick_stage(*rubric, options.stage), lang, std::cout);
    return kExitOk;
  }
  if (options.sheet.empty()) throw Error("give --sheet FILE to score a filled-in sheet, or --template to print one");

  const std::string text = read_file(options.sheet);
  Diagnostics sheet_diags;
  const Sheet sheet = load_sheet(text, options.sheet, *rubric, options.stage, sheet_diags);
  if (sheet_diags.has_errors()) {
    for (const auto& d : sheet_diags.items()) print_diagnostic(std::cerr, d);
    std::cerr << fmt::format("sfgrant: error: {}: {} error(s) in the sheet; `sfgrant score {} --template` prints one to fill in\n",
                             options.sheet, sheet_diags.error_count(), options.program);
    return kExitUsage;
  }
  const ScoreResult result = score_sheet(*rubric, *rubric->find_stage(sheet.stage), sheet);

  if (resolve_format(options.common) == Format::json)
    std::cout << score_json(result, sheet, year, lang).dump(2) << '\n';
  else
    render_score_table(result, sheet, year, lang, std::cout);
  return result.verdict == Verdict::fail ? kExitNone : kExitOk;
}

}  // namespace

Runner setup_score(CLI::App& app) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* sub = app.add_subcommand("score", "selection score from an announcement's evaluation sheet (선정평가)");
  sub->add_option("PROGRAM", options->program, "program with an evaluation sheet, e.g. daejeon-as, lighthouse")
      ->required();
  CLI::Option* sheet = sub->add_option("--sheet", options->sheet, "filled-in sheet (YAML, - for stdin)");
  CLI::Option* tmpl = sub->add_flag("--template", options->print_template, "print a sheet to fill in");
  sheet->excludes(tmpl);
  sub->add_option("--stage", options->stage, "stage of the selection, e.g. first (default: the sheet's `stage`)");
  add_common(*sub, options->common);
  return [options] { return run_score(*options); };
}

}  // namespace sfgrant::cli
