// Reads rubrics (programs/<year>/rubrics/<program>.yaml, format in programs/RUBRICS.md) and filled-in
// sheets, strictly: unknown and duplicate keys are errors with file:line:col. Also writes the sheet
// template, the inverse of the sheet reader.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <set>

#include "sfgrant/model/facts.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/rubric.h"
#include "sfgrant/text/table.h"
#include "yaml_reader.h"
#include "yaml_util.h"

namespace sfgrant {
namespace fs = std::filesystem;
using detail::location_of;

namespace {

/// Reads nodes into the model, reporting to `diags` and carrying on after each problem.
class Reader : public detail::YamlReader {
 public:
  using YamlReader::YamlReader;

  std::optional<Rational> number(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    try {
      return Rational::parse(*s);
    } catch (const Error& e) {
      error(n, fmt::format("{}: {}", what, e.message()), "bad-number");
      return std::nullopt;
    }
  }

  std::string id(const YAML::Node& map, const std::string& context) {
    YAML::Node n = need(map, "id", context);
    if (!n) return {};
    auto s = scalar(n, context + ".id");
    if (!s) return {};
    const bool ok = !s->empty() && std::isalnum(static_cast<unsigned char>(s->front())) &&
                    std::all_of(s->begin(), s->end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                    });
    if (!ok)
      error(n, fmt::format("{}: id \"{}\" must be a word of letters, digits, - and _ (like aftercare-plan)", context, *s),
            "bad-id");
    return *s;
  }

  Text text(const YAML::Node& n, const std::string& what) {
    Text t;
    if (!keys(n, what, {"ko", "en"})) return t;
    if (n["ko"]) t.ko = scalar(n["ko"], what + ".ko").value_or("");
    if (n["en"]) t.en = scalar(n["en"], what + ".en").value_or("");
    if (t.ko.empty() || t.en.empty()) error(n, fmt::format("{}: both ko and en are required", what), "missing-language");
    return t;
  }

  Text required_text(const YAML::Node& map, const char* key, const std::string& context) {
    YAML::Node n = need(map, key, context);
    return n ? text(n, context + "." + key) : Text{};
  }

  /// `source` must cite one of the year's announcements, then name a section.
  std::string source(const YAML::Node& map, const std::string& context,
                     const std::vector<std::string>& announcements) {
    YAML::Node n = map["source"];
    if (!n) {
      error(map, fmt::format("{}: \"source\" is required (the seed file and section it comes from)", context),
            "missing-source");
      return {};
    }
    auto s = scalar(n, context + ".source");
    if (!s) return {};
    const std::string cited = s->substr(0, s->find(' '));
    if (std::find(announcements.begin(), announcements.end(), cited) == announcements.end()) {
      std::string message = fmt::format("{}: source \"{}\" does not cite an announcement of the year", context, *s);
      if (auto near = closest(cited, announcements)) message += fmt::format("; did you mean \"{}\"?", *near);
      else if (!announcements.empty())
        message += fmt::format("; expected one of {} (common.yaml `announcements`)", fmt::join(announcements, ", "));
      error(n, message, "unknown-source");
    } else if (s->size() <= cited.size() + 1) {
      warning(n, fmt::format("{}: source \"{}\" names no section", context, *s), "vague-source");
    }
    return *s;
  }

  template <typename F>
  void list(const YAML::Node& n, const std::string& what, F each) {
    if (!n.IsSequence()) {
      error(n, fmt::format("{}: expected a list, found {}", what, detail::describe_kind(n)), "wrong-type");
      return;
    }
    for (size_t k = 0; k < n.size(); ++k) each(n[k], fmt::format("{}[{}]", what, k + 1));
  }

};

std::vector<Note> read_notes(Reader& r, const YAML::Node& n, const std::string& what,
                             const std::vector<std::string>& announcements) {
  std::vector<Note> notes;
  r.list(n, what, [&](const YAML::Node& item, const std::string& ctx) {
    if (!r.keys(item, ctx, {"text", "source"})) return;
    Note note;
    note.text = r.required_text(item, "text", ctx);
    note.source = r.source(item, ctx, announcements);
    notes.push_back(std::move(note));
  });
  return notes;
}

RubricItem read_item(Reader& r, const YAML::Node& n, const std::string& ctx,
                     const std::vector<std::string>& announcements) {
  RubricItem item;
  item.where = r.at(n);
  if (!r.keys(n, ctx, {"id", "text", "max", "points", "source"})) return item;
  item.id = r.id(n, ctx);
  item.text = r.required_text(n, "text", ctx);
  if (auto m = r.need(n, "max", ctx)) item.max = r.number(m, ctx + ".max").value_or(Rational(0));
  if (auto p = n["points"]) {
    item.points_where = r.at(p);
    r.list(p, ctx + ".points", [&](const YAML::Node& v, const std::string& vctx) {
      if (auto x = r.number(v, vctx)) item.points.push_back(*x);
    });
  }
  item.source = r.source(n, ctx, announcements);
  return item;
}

Stage read_stage(Reader& r, const YAML::Node& n, const std::string& ctx,
                 const std::vector<std::string>& announcements) {
  Stage st;
  st.where = r.at(n);
  if (!r.keys(n, ctx, {"id", "name", "source", "evaluators", "grades", "suitability", "sections", "total", "bonus",
                       "combine", "pass", "incomplete", "notes"}))
    return st;
  st.id = r.id(n, ctx);
  const std::string sctx = st.id.empty() ? ctx : fmt::format("stage \"{}\"", st.id);
  st.name = r.required_text(n, "name", sctx);
  st.source = r.source(n, sctx, announcements);

  if (auto e = n["evaluators"]) {
    const std::string ectx = sctx + ".evaluators";
    st.evaluators.where = r.at(e);
    if (r.keys(e, ectx, {"aggregate", "panel", "source"})) {
      if (auto a = r.need(e, "aggregate", ectx)) {
        const auto s = r.scalar(a, ectx + ".aggregate").value_or("");
        if (s == "mean") st.evaluators.aggregate = Aggregate::mean;
        else if (s == "trimmed_mean") st.evaluators.aggregate = Aggregate::trimmed_mean;
        else if (!s.empty())
          r.error(a, fmt::format("{}.aggregate: unknown \"{}\"; expected mean or trimmed_mean", ectx, s), "bad-value");
      }
      if (auto p = e["panel"]) st.evaluators.panel = r.text(p, ectx + ".panel");
      st.evaluators.source = r.source(e, ectx, announcements);
    }
  }

  if (auto g = n["grades"]) {
    r.list(g, sctx + ".grades", [&](const YAML::Node& item, const std::string& gctx) {
      Grade grade;
      grade.where = r.at(item);
      if (!r.keys(item, gctx, {"id", "name", "fraction"})) return;
      grade.id = r.id(item, gctx);
      if (auto nm = item["name"]) grade.name = r.text(nm, gctx + ".name");
      if (auto f = item["fraction"]) grade.fraction = r.number(f, gctx + ".fraction");
      st.grades.push_back(std::move(grade));
    });
  }

  if (auto s = n["suitability"]) {
    const std::string uctx = sctx + ".suitability";
    Suitability su;
    su.where = r.at(s);
    if (r.keys(s, uctx, {"marks", "source", "items"})) {
      if (auto m = s["marks"]) {
        if (r.keys(m, uctx + ".marks", {"pass", "fail"})) {
          if (auto p = r.need(m, "pass", uctx + ".marks")) su.pass_mark = r.scalar(p, uctx + ".marks.pass").value_or("○");
          if (auto f = r.need(m, "fail", uctx + ".marks")) su.fail_mark = r.scalar(f, uctx + ".marks.fail").value_or("×");
        }
      }
      su.source = r.source(s, uctx, announcements);
      if (auto items = r.need(s, "items", uctx))
        r.list(items, uctx + ".items", [&](const YAML::Node& item, const std::string& ictx) {
          SuitabilityItem si;
          si.where = r.at(item);
          if (!r.keys(item, ictx, {"id", "text", "source"})) return;
          si.id = r.id(item, ictx);
          si.text = r.required_text(item, "text", ictx);
          si.source = r.source(item, ictx, announcements);
          su.items.push_back(std::move(si));
        });
    }
    st.suitability = std::move(su);
  }

  if (auto secs = n["sections"]) {
    r.list(secs, sctx + ".sections", [&](const YAML::Node& item, const std::string& cctx) {
      RubricSection sec;
      sec.where = r.at(item);
      if (!r.keys(item, cctx, {"id", "name", "points", "source", "items"})) return;
      sec.id = r.id(item, cctx);
      const std::string secctx = sec.id.empty() ? cctx : fmt::format("section \"{}\"", sec.id);
      sec.name = r.required_text(item, "name", secctx);
      if (auto p = r.need(item, "points", secctx)) {
        sec.points_where = r.at(p);
        sec.points = r.number(p, secctx + ".points").value_or(Rational(0));
      }
      sec.source = r.source(item, secctx, announcements);
      if (auto items = r.need(item, "items", secctx))
        r.list(items, secctx + ".items", [&](const YAML::Node& i, const std::string& ictx) {
          sec.items.push_back(read_item(r, i, ictx, announcements));
        });
      st.sections.push_back(std::move(sec));
    });
  }

  if (auto t = n["total"]) {
    st.total_where = r.at(t);
    st.total = r.number(t, sctx + ".total");
  }

  if (auto b = n["bonus"]) {
    const std::string bctx = sctx + ".bonus";
    Bonus bonus;
    bonus.where = r.at(b);
    if (r.keys(b, bctx, {"cap", "source", "items"})) {
      if (auto c = b["cap"]) {
        bonus.cap_where = r.at(c);
        bonus.cap = r.number(c, bctx + ".cap");
      }
      bonus.source = r.source(b, bctx, announcements);
      if (auto items = r.need(b, "items", bctx))
        r.list(items, bctx + ".items", [&](const YAML::Node& item, const std::string& ictx) {
          BonusItem bi;
          bi.where = r.at(item);
          if (!r.keys(item, ictx, {"id", "text", "points", "note", "source"})) return;
          bi.id = r.id(item, ictx);
          bi.text = r.required_text(item, "text", ictx);
          if (auto p = r.need(item, "points", ictx)) bi.points = r.number(p, ictx + ".points").value_or(Rational(0));
          if (auto nt = item["note"]) bi.note = r.text(nt, ictx + ".note");
          bi.source = r.source(item, ictx, announcements);
          bonus.items.push_back(std::move(bi));
        });
    }
    st.bonus = std::move(bonus);
  }

  if (auto c = n["combine"]) {
    const std::string cctx = sctx + ".combine";
    Combination comb;
    comb.where = r.at(c);
    if (r.keys(c, cctx, {"evaluators", "extra", "source"})) {
      if (auto w = r.need(c, "evaluators", cctx)) comb.evaluators_weight = r.number(w, cctx + ".evaluators").value_or(0);
      if (auto x = r.need(c, "extra", cctx)) {
        const std::string xctx = cctx + ".extra";
        if (r.keys(x, xctx, {"id", "name", "weight", "max"})) {
          comb.extra_id = r.id(x, xctx);
          comb.extra_name = r.required_text(x, "name", xctx);
          if (auto w = r.need(x, "weight", xctx)) comb.extra_weight = r.number(w, xctx + ".weight").value_or(0);
          if (auto m = r.need(x, "max", xctx)) comb.extra_max = r.number(m, xctx + ".max").value_or(0);
        }
      }
      comb.source = r.source(c, cctx, announcements);
    }
    st.combine = std::move(comb);
  }

  if (auto p = n["pass"]) {
    const std::string pctx = sctx + ".pass";
    PassMark pm;
    pm.where = r.at(p);
    if (r.keys(p, pctx, {"at_least", "on", "source"})) {
      if (auto a = r.need(p, "at_least", pctx)) pm.at_least = r.number(a, pctx + ".at_least").value_or(0);
      if (auto o = r.need(p, "on", pctx)) {
        const auto s = r.scalar(o, pctx + ".on").value_or("");
        if (s == "base") pm.on = PassOn::base;
        else if (s == "final") pm.on = PassOn::final_score;
        else if (!s.empty())
          r.error(o, fmt::format("{}.on: unknown \"{}\"; expected base (before the bonus) or final (with it)", pctx, s),
                  "bad-value");
      }
      pm.source = r.source(p, pctx, announcements);
    }
    st.pass = std::move(pm);
  }

  if (auto inc = n["incomplete"]) {
    const std::string ictx = sctx + ".incomplete";
    if (r.keys(inc, ictx, {"text", "source"})) {
      st.incomplete = r.required_text(inc, "text", ictx);
      st.incomplete_source = r.source(inc, ictx, announcements);
    }
  }

  if (auto notes = n["notes"]) st.notes = read_notes(r, notes, sctx + ".notes", announcements);

  // Items that list no points take them from the grade fractions (max × fraction).
  const bool all_fractions =
      !st.grades.empty() &&
      std::all_of(st.grades.begin(), st.grades.end(), [](const Grade& g) { return g.fraction.has_value(); });
  if (all_fractions)
    for (auto& sec : st.sections)
      for (auto& item : sec.items)
        if (item.points.empty())
          for (const auto& g : st.grades) item.points.push_back(item.max * *g.fraction);
  return st;
}

std::vector<std::string> year_announcements(const std::string& year_dir) {
  std::vector<std::string> files;
  const fs::path common = fs::path(year_dir) / "common.yaml";
  std::error_code ec;
  if (!fs::exists(common, ec)) return files;
  Diagnostics ignored;  // common.yaml's own problems are reported by load_year
  try {
    const YearContext context = load_common(read_file(common.string()), common.string(), ignored);
    for (const auto& a : context.announcements) files.push_back(a.file);
  } catch (const Error&) {
  }
  return files;
}

std::vector<fs::path> rubric_files(const std::string& year_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::path dir = fs::path(year_dir) / "rubrics";
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

Rubric load_rubric(const std::string& text, const std::string& file, const std::vector<std::string>& announcements,
                   Diagnostics& diags) {
  Rubric rubric;
  rubric.file = file;
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "yaml");
    return rubric;
  }
  Reader r(file, diags);
  rubric.where = r.at(root);
  if (!r.keys(root, "rubric", {"program", "name", "source", "notes", "stages"})) return rubric;
  if (auto p = r.need(root, "program", "rubric")) {
    rubric.where = r.at(p);
    rubric.program = r.scalar(p, "program").value_or("");
  }
  rubric.name = r.required_text(root, "name", "rubric");
  rubric.source = r.source(root, "rubric", announcements);
  if (auto notes = root["notes"]) rubric.notes = read_notes(r, notes, "notes", announcements);
  if (auto stages = r.need(root, "stages", "rubric"))
    r.list(stages, "stages", [&](const YAML::Node& n, const std::string& ctx) {
      rubric.stages.push_back(read_stage(r, n, ctx, announcements));
    });
  return rubric;
}

void validate_rubrics(const std::string& year_dir, Diagnostics& diags) {
  const auto files = rubric_files(year_dir);
  if (files.empty()) return;
  const auto announcements = year_announcements(year_dir);
  for (const auto& path : files) {
    std::string text;
    try {
      text = read_file(path.string());
    } catch (const Error& e) {
      diags.error(e.where(), e.message(), "io");
      continue;
    }
    const Rubric rubric = load_rubric(text, path.string(), announcements, diags);
    if (rubric.program.empty()) continue;
    const Location at = rubric.where;
    if (rubric.program != path.stem().string())
      diags.error(at,
                  fmt::format("the rubric of program \"{}\" is in a file named {}: name the file {}.yaml",
                              rubric.program, path.filename().string(), rubric.program),
                  "file-name");
    std::error_code ec;
    if (!fs::exists(fs::path(year_dir) / (rubric.program + ".yaml"), ec))
      diags.error(at,
                  fmt::format("program \"{}\" is not a program of {}: there is no {}.yaml beside rubrics/",
                              rubric.program, fs::path(year_dir).filename().string(), rubric.program),
                  "unknown-program");
    check_rubric(rubric, diags);
  }
}

std::vector<std::string> rubric_programs(const std::string& year_dir) {
  std::vector<std::string> ids;
  for (const auto& f : rubric_files(year_dir)) ids.push_back(f.stem().string());
  return ids;
}

std::optional<Rubric> load_program_rubric(const std::string& year_dir, const std::string& program, Diagnostics& diags) {
  for (const auto& path : rubric_files(year_dir)) {
    if (path.stem().string() != program) continue;
    Rubric rubric = load_rubric(read_file(path.string()), path.string(), year_announcements(year_dir), diags);
    if (!rubric.program.empty() && rubric.program != program)
      diags.error(rubric.where,
                  fmt::format("the rubric in {} is for program \"{}\", not \"{}\"", path.filename().string(),
                              rubric.program, program),
                  "file-name");
    check_rubric(rubric, diags);
    return rubric;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Sheets

namespace {

/// Comparison form of a grade word: NFC, no spaces, ASCII lower case (`다소미흡`, `excellent`).
std::string fold(const std::string& s) {
  std::string out;
  for (char c : nfc(s)) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string grade_label(const Grade& g, Lang lang) { return g.name.empty() ? g.id : g.name.in(lang); }

/// "우수 15 · 양호 12 · …" or "15 · 12 · …" when the grades have no names.
std::string describe_grades(const Stage& stage, const RubricItem& item, Lang lang) {
  if (item.points.empty())
    return lang == Lang::ko ? fmt::format("0~{}점", item.max.exact()) : fmt::format("0 to {} points", item.max.exact());
  std::string out;
  for (size_t k = 0; k < item.points.size() && k < stage.grades.size(); ++k) {
    const Grade& g = stage.grades[k];
    out += out.empty() ? "" : " · ";
    out += g.name.empty() ? item.points[k].exact() : fmt::format("{} {}", grade_label(g, lang), item.points[k].exact());
  }
  return out;
}

/// Points for one item from a grade id, a grade name or the points themselves.
std::optional<Rational> read_grade(Reader& r, const YAML::Node& n, const Stage& stage, const RubricItem& item,
                                   const std::string& ctx, std::string& grade_id) {
  auto s = r.scalar(n, ctx);
  if (!s) return std::nullopt;
  if (s->empty()) {
    r.error(n, fmt::format("{}: no grade given; expected {}", ctx, describe_grades(stage, item, Lang::ko)), "missing-grade");
    return std::nullopt;
  }
  const std::string word = fold(*s);
  if (!item.points.empty())
    for (size_t k = 0; k < stage.grades.size() && k < item.points.size(); ++k) {
      const Grade& g = stage.grades[k];
      if (word == fold(g.id) || (!g.name.ko.empty() && word == fold(g.name.ko)) ||
          (!g.name.en.empty() && word == fold(g.name.en))) {
        grade_id = g.id;
        return item.points[k];
      }
    }
  std::optional<Rational> value;
  try {
    value = Rational::parse(*s);
  } catch (const Error&) {
  }
  if (value && !item.points.empty()) {
    for (size_t k = 0; k < item.points.size(); ++k)
      if (item.points[k] == *value) {
        grade_id = k < stage.grades.size() ? stage.grades[k].id : "";
        return value;
      }
    r.error(n,
            fmt::format("{}: {} is not a grade of this item (max {}): expected one of {}", ctx, *s, item.max.exact(),
                        describe_grades(stage, item, Lang::ko)),
            "bad-grade");
    return std::nullopt;
  }
  if (value) {
    if (*value < Rational(0) || *value > item.max) {
      r.error(n, fmt::format("{}: {} is out of range: expected points from 0 to {}", ctx, *s, item.max.exact()),
              "bad-grade");
      return std::nullopt;
    }
    return value;
  }
  std::string message;
  if (item.points.empty()) {
    message = fmt::format("{}: \"{}\" is not a number: this item has no published grades, give points from 0 to {}",
                          ctx, *s, item.max.exact());
  } else {
    std::vector<std::string> words;
    for (const auto& g : stage.grades) {
      words.push_back(g.id);
      if (!g.name.ko.empty()) words.push_back(g.name.ko);
      if (!g.name.en.empty()) words.push_back(g.name.en);
    }
    message = fmt::format("{}: unknown grade \"{}\": expected one of {} (a grade or its points)", ctx, *s,
                          describe_grades(stage, item, Lang::ko));
    if (auto near = closest(*s, words)) message += fmt::format("; did you mean \"{}\"?", *near);
  }
  r.error(n, message, "bad-grade");
  return std::nullopt;
}

std::optional<bool> read_mark(Reader& r, const YAML::Node& n, const Suitability& su, const std::string& ctx) {
  auto s = r.scalar(n, ctx);
  if (!s) return std::nullopt;
  const std::string w = fold(*s);
  static const std::set<std::string> yes = {"○", "o", "◯", "yes", "y", "true", "pass", "적", "적합", "적격"};
  static const std::set<std::string> no = {"×", "x", "✕", "✗", "no", "n", "false", "fail", "부", "부적합", "부적격"};
  if (w == fold(su.pass_mark) || yes.count(w) > 0) return true;
  if (w == fold(su.fail_mark) || no.count(w) > 0) return false;
  r.error(n,
          fmt::format("{}: \"{}\" is not an answer: expected {} (suitable) or {} (not suitable)", ctx, *s, su.pass_mark,
                      su.fail_mark),
          "bad-answer");
  return std::nullopt;
}

/// Reads `key: value` pairs of a map against the known ids, reporting unknown and missing ones.
template <typename F>
void read_by_id(Reader& r, const YAML::Node& map, const std::string& context, const std::vector<std::string>& ids,
                F each) {
  if (!r.keys(map, context, ids)) return;
  std::vector<std::string> missing;
  for (size_t k = 0; k < ids.size(); ++k) {
    YAML::Node v = map[ids[k]];
    if (!v) missing.push_back(ids[k]);
    else each(k, v);
  }
  if (!missing.empty())
    r.error(map, fmt::format("{}: {} missing: {}", context, missing.size() == 1 ? "one item is" : "items are",
                             fmt::join(missing, ", ")),
            "missing-item");
}

}  // namespace

Sheet load_sheet(const std::string& text, const std::string& file, const Rubric& rubric, const std::string& stage_id,
                 Diagnostics& diags) {
  Sheet sheet;
  sheet.file = file;
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "yaml");
    return sheet;
  }
  Reader r(file, diags);
  if (!r.keys(root, "sheet", {"program", "company", "stage", "suitability", "evaluators", "bonus", "scores"}))
    return sheet;

  if (auto p = root["program"]) {
    sheet.program = r.scalar(p, "program").value_or("");
    if (!sheet.program.empty() && sheet.program != rubric.program)
      r.error(p, fmt::format("program: this sheet is for \"{}\", but it is being scored for \"{}\"", sheet.program,
                             rubric.program),
              "wrong-program");
  }
  if (auto c = root["company"]) sheet.company = r.scalar(c, "company").value_or("");

  // Which stage: --stage, the sheet's `stage`, or the rubric's only one.
  std::vector<std::string> stage_ids;
  for (const auto& s : rubric.stages) stage_ids.push_back(s.id);
  std::string chosen = stage_id;
  YAML::Node stage_node = root["stage"];
  if (stage_node) {
    const std::string given = r.scalar(stage_node, "stage").value_or("");
    if (!chosen.empty() && !given.empty() && given != chosen)
      r.error(stage_node, fmt::format("stage: the sheet is for stage \"{}\" but --stage is \"{}\"", given, chosen),
              "wrong-stage");
    if (chosen.empty()) chosen = given;
  }
  if (chosen.empty() && rubric.stages.size() == 1) chosen = rubric.stages.front().id;
  if (chosen.empty()) {
    diags.error(r.at(root),
                fmt::format("the {} rubric has {} stages: say which one with `stage:` ({})", rubric.program,
                            rubric.stages.size(), fmt::join(stage_ids, ", ")),
                "missing-stage");
    return sheet;
  }
  const Stage* stage = rubric.find_stage(chosen);
  if (stage == nullptr) {
    std::string message = fmt::format("unknown stage \"{}\" of {}", chosen, rubric.program);
    if (auto near = closest(chosen, stage_ids)) message += fmt::format("; did you mean \"{}\"?", *near);
    else message += fmt::format("; expected one of {}", fmt::join(stage_ids, ", "));
    if (stage_node) r.error(stage_node, message, "unknown-stage");
    else diags.error(Location{file}, message, "unknown-stage");
    return sheet;
  }
  sheet.stage = stage->id;
  const std::string sname = fmt::format("stage \"{}\"", stage->id);

  // ○/× answers
  YAML::Node su = root["suitability"];
  if (stage->suitability) {
    sheet.suitable.assign(stage->suitability->items.size(), true);
    std::vector<std::string> ids;
    for (const auto& i : stage->suitability->items) ids.push_back(i.id);
    if (!su)
      r.error(root, fmt::format("suitability: {} has {} answers to give ({}): {}", sname, ids.size(),
                                fmt::format("{} or {}", stage->suitability->pass_mark, stage->suitability->fail_mark),
                                fmt::join(ids, ", ")),
              "missing-key");
    else
      read_by_id(r, su, "suitability", ids, [&](size_t k, const YAML::Node& v) {
        if (auto ok = read_mark(r, v, *stage->suitability, "suitability." + ids[k])) sheet.suitable[k] = *ok;
      });
  } else if (su) {
    r.error(su, fmt::format("suitability: {} has no suitability items", sname), "not-in-stage");
  }

  // Evaluators' grades
  YAML::Node evs = root["evaluators"];
  if (stage->scored()) {
    const auto items = stage->items();
    std::vector<std::string> ids;
    for (const auto* i : items) ids.push_back(i->id);
    if (!evs) {
      r.error(root, fmt::format("evaluators: {} is scored: give at least one evaluator's grades", sname), "missing-key");
    } else if (!evs.IsSequence() || evs.size() == 0) {
      r.error(evs, "evaluators: expected a list of evaluators, each with `grades`", "wrong-type");
    } else {
      for (size_t e = 0; e < evs.size(); ++e) {
        const YAML::Node ev = evs[e];
        const std::string ectx = fmt::format("evaluators[{}]", e + 1);
        EvaluatorSheet es;
        es.where = r.at(ev);
        es.points.assign(items.size(), Rational(0));
        es.grades.assign(items.size(), "");
        if (!r.keys(ev, ectx, {"name", "grades"})) continue;
        if (auto nm = ev["name"]) es.name = r.scalar(nm, ectx + ".name").value_or("");
        if (auto g = r.need(ev, "grades", ectx))
          read_by_id(r, g, ectx + ".grades", ids, [&](size_t k, const YAML::Node& v) {
            if (auto p = read_grade(r, v, *stage, *items[k], fmt::format("{}.grades.{}", ectx, ids[k]), es.grades[k]))
              es.points[k] = *p;
          });
        sheet.evaluators.push_back(std::move(es));
      }
    }
  } else if (evs) {
    r.error(evs, fmt::format("evaluators: {} has no scored items, only suitability answers", sname), "not-in-stage");
  }

  // Bonus items held
  if (auto b = root["bonus"]) {
    std::vector<std::string> ids;
    if (stage->bonus)
      for (const auto& i : stage->bonus->items) ids.push_back(i.id);
    r.list(b, "bonus", [&](const YAML::Node& v, const std::string& ctx) {
      auto s = r.scalar(v, ctx);
      if (!s) return;
      if (!stage->bonus) {
        r.error(v, fmt::format("{}: {} has no bonus items", ctx, sname), "not-in-stage");
      } else if (std::find(ids.begin(), ids.end(), *s) == ids.end()) {
        std::string message = fmt::format("{}: unknown bonus item \"{}\"", ctx, *s);
        if (auto near = closest(*s, ids)) message += fmt::format("; did you mean \"{}\"?", *near);
        else message += fmt::format("; expected one of {}", fmt::join(ids, ", "));
        r.error(v, message, "unknown-bonus");
      } else if (std::find(sheet.bonus.begin(), sheet.bonus.end(), *s) != sheet.bonus.end()) {
        r.error(v, fmt::format("{}: bonus item \"{}\" is listed twice", ctx, *s), "duplicate-bonus");
      } else {
        sheet.bonus.push_back(*s);
      }
    });
  }

  // Scores from elsewhere (일자리평가 점수)
  YAML::Node sc = root["scores"];
  if (stage->combine) {
    const Combination& c = *stage->combine;
    if (!sc) {
      r.error(root, fmt::format("scores: {} needs `scores: {{{}: …}}` ({}, 0 to {})", sname, c.extra_id, c.extra_name.ko,
                                c.extra_max.exact()),
              "missing-key");
    } else {
      read_by_id(r, sc, "scores", {c.extra_id}, [&](size_t, const YAML::Node& v) {
        if (auto x = r.number(v, "scores." + c.extra_id)) {
          if (*x < Rational(0) || *x > c.extra_max)
            r.error(v, fmt::format("scores.{}: {} is out of range: expected 0 to {}", c.extra_id, x->exact(),
                                   c.extra_max.exact()),
                    "range");
          else
            sheet.extra = *x;
        }
      });
    }
  } else if (sc) {
    r.error(sc, fmt::format("scores: {} combines no other score", sname), "not-in-stage");
  }
  return sheet;
}

void write_sheet_template(const Rubric& rubric, const Stage& stage, Lang lang, std::ostream& out) {
  const bool ko = lang == Lang::ko;
  out << "# " << rubric.name.in(lang) << " — " << stage.name.in(lang) << '\n';
  out << "# " << (ko ? "근거: " : "source: ") << stage.source << '\n';
  if (ko)
    out << "# 평가위원별로 항목마다 등급(이름 또는 점수)을 적고, 적합성은 " << (stage.suitability ? stage.suitability->pass_mark : "○")
        << "/" << (stage.suitability ? stage.suitability->fail_mark : "×")
        << ", 보유한 가점 항목을 bonus에 적으세요.\n# 모든 항목이 최고 등급으로 채워져 있습니다: 낮은 항목을 고치세요.\n";
  else
    out << "# Give each evaluator's grade per item (a grade or its points), answer each suitability row and list\n"
           "# the bonus items held. Every item is filled with the highest grade: change what is lower.\n";
  if (stage.is_incomplete()) out << "# " << (ko ? "미공개: " : "missing: ") << stage.incomplete.in(lang) << '\n';
  out << "program: " << rubric.program << '\n';
  out << "stage: " << stage.id << '\n';
  out << "# company: " << (ko ? "회사명 (선택)" : "company name (optional)") << '\n';

  if (stage.suitability) {
    const Suitability& su = *stage.suitability;
    out << "suitability:" << (ko ? fmt::format("   # {} 또는 {}: 하나라도 {}이면 부적합", su.pass_mark, su.fail_mark, su.fail_mark)
                                 : fmt::format("   # {} or {}: any {} fails", su.pass_mark, su.fail_mark, su.fail_mark))
        << '\n';
    for (const auto& item : su.items) {
      out << "  # " << item.text.in(lang) << '\n';
      out << "  " << item.id << ": " << su.pass_mark << '\n';
    }
  }

  if (stage.scored()) {
    const int blocks = stage.evaluators.aggregate == Aggregate::trimmed_mean ? 3 : 1;
    std::string how;
    if (stage.evaluators.aggregate == Aggregate::trimmed_mean)
      how = ko ? "최고점과 최저점을 제외한 평균 — 위원 수만큼 블록을 복사하세요"
               : "mean without the highest and the lowest — copy a block per evaluator";
    else
      how = ko ? "평가위원 점수의 평균" : "mean of the evaluators";
    out << "evaluators:   # " << how;
    if (!stage.evaluators.panel.empty()) out << " (" << stage.evaluators.panel.in(lang) << ")";
    out << '\n';
    for (int e = 1; e <= blocks; ++e) {
      out << "  - name: " << (ko ? "평가위원 " : "evaluator ") << e << '\n';
      out << "    grades:\n";
      for (const auto& section : stage.sections) {
        out << "      # " << section.name.in(lang) << " (" << section.points.exact() << ")\n";
        for (const auto& item : section.items) {
          std::string value;
          if (item.points.empty()) value = item.max.exact();
          else if (!stage.grades.empty() && !stage.grades.front().name.empty())
            value = ko ? stage.grades.front().name.ko : stage.grades.front().id;
          else value = item.points.front().exact();
          out << "      " << item.id << ": " << (value.find(' ') != std::string::npos ? "\"" + value + "\"" : value)
              << "   # " << item.text.in(lang) << " — " << describe_grades(stage, item, lang) << '\n';
        }
      }
    }
  }

  if (stage.combine) {
    const Combination& c = *stage.combine;
    out << "scores:\n";
    out << "  " << c.extra_id << ": " << c.extra_max.exact() << "   # " << c.extra_name.in(lang)
        << (ko ? fmt::format(" (0~{}, 반영비율 {}%)", c.extra_max.exact(), (c.extra_weight * Rational(100)).exact())
               : fmt::format(" (0 to {}, weighs {}%)", c.extra_max.exact(), (c.extra_weight * Rational(100)).exact()))
        << '\n';
  }

  if (stage.bonus) {
    const Bonus& b = *stage.bonus;
    out << "bonus: []   # "
        << (ko ? "보유한 가점 항목 id 목록" : "ids of the bonus items held")
        << (b.cap ? (ko ? fmt::format(", 합산 최대 {}점", b.cap->exact()) : fmt::format(", at most {} in all", b.cap->exact()))
                  : std::string())
        << '\n';
    for (const auto& item : b.items) {
      out << "#   " << item.id << ": " << item.points.exact() << (ko ? "점 — " : " points — ") << item.text.in(lang);
      if (!item.note.empty()) out << " (" << item.note.in(lang) << ")";
      out << '\n';
    }
  }
}

}  // namespace sfgrant
