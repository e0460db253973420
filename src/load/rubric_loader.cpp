// Reads rubrics (programs/<year>/rubrics/<program>.yaml, format in programs/RUBRICS.md) strictly:
// unknown and duplicate keys are errors with file:line:col.
#include "sfgrant/load/rubric_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>
#include <set>

#include "program_reader.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/rubric.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/text/file.h"

namespace sfgrant {
namespace fs = std::filesystem;
using detail::location_of;

namespace {

using Reader = detail::YamlReader;

RubricItem read_item(Reader& r, const YAML::Node& n, const std::string& ctx) {
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
  item.source = r.source(n, ctx);
  return item;
}

Stage read_stage(Reader& r, const YAML::Node& n, const std::string& ctx) {
  Stage st;
  st.where = r.at(n);
  if (!r.keys(n, ctx,
              {"id", "name", "source", "evaluators", "grades", "suitability", "sections", "total", "bonus", "combine",
               "pass", "incomplete", "notes"}))
    return st;
  st.id = r.id(n, ctx);
  const std::string sctx = st.id.empty() ? ctx : fmt::format("stage \"{}\"", st.id);
  st.name = r.required_text(n, "name", sctx);
  st.source = r.source(n, sctx);

  if (auto e = n["evaluators"]) {
    const std::string ectx = sctx + ".evaluators";
    st.evaluators.where = r.at(e);
    if (r.keys(e, ectx, {"aggregate", "panel", "source"})) {
      if (auto a = r.need(e, "aggregate", ectx)) {
        const auto s = r.scalar(a, ectx + ".aggregate").value_or("");
        if (s == "mean")
          st.evaluators.aggregate = Aggregate::mean;
        else if (s == "trimmed_mean")
          st.evaluators.aggregate = Aggregate::trimmed_mean;
        else if (!s.empty())
          r.error(a, fmt::format("{}.aggregate: unknown \"{}\"; expected mean or trimmed_mean", ectx, s), "bad-value");
      }
      if (auto p = e["panel"]) st.evaluators.panel = r.text(p, ectx + ".panel", true);
      st.evaluators.source = r.source(e, ectx);
    }
  }

  if (auto g = n["grades"]) {
    r.list(g, sctx + ".grades", [&](const YAML::Node& item, const std::string& gctx) {
      Grade grade;
      grade.where = r.at(item);
      if (!r.keys(item, gctx, {"id", "name", "fraction"})) return;
      grade.id = r.id(item, gctx);
      if (auto nm = item["name"]) grade.name = r.text(nm, gctx + ".name", true);
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
          if (auto p = r.need(m, "pass", uctx + ".marks"))
            su.pass_mark = r.scalar(p, uctx + ".marks.pass").value_or("○");
          if (auto f = r.need(m, "fail", uctx + ".marks"))
            su.fail_mark = r.scalar(f, uctx + ".marks.fail").value_or("×");
        }
      }
      su.source = r.source(s, uctx);
      if (auto items = r.need(s, "items", uctx))
        r.list(items, uctx + ".items", [&](const YAML::Node& item, const std::string& ictx) {
          SuitabilityItem si;
          si.where = r.at(item);
          if (!r.keys(item, ictx, {"id", "text", "source"})) return;
          si.id = r.id(item, ictx);
          si.text = r.required_text(item, "text", ictx);
          si.source = r.source(item, ictx);
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
      sec.source = r.source(item, secctx);
      if (auto items = r.need(item, "items", secctx))
        r.list(items, secctx + ".items",
               [&](const YAML::Node& i, const std::string& ictx) { sec.items.push_back(read_item(r, i, ictx)); });
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
      bonus.source = r.source(b, bctx);
      if (auto items = r.need(b, "items", bctx))
        r.list(items, bctx + ".items", [&](const YAML::Node& item, const std::string& ictx) {
          BonusItem bi;
          bi.where = r.at(item);
          if (!r.keys(item, ictx, {"id", "text", "points", "note", "source"})) return;
          bi.id = r.id(item, ictx);
          bi.text = r.required_text(item, "text", ictx);
          if (auto p = r.need(item, "points", ictx)) bi.points = r.number(p, ictx + ".points").value_or(Rational(0));
          if (auto nt = item["note"]) bi.note = r.text(nt, ictx + ".note", true);
          bi.source = r.source(item, ictx);
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
      if (auto w = r.need(c, "evaluators", cctx))
        comb.evaluators_weight = r.number(w, cctx + ".evaluators").value_or(0);
      if (auto x = r.need(c, "extra", cctx)) {
        const std::string xctx = cctx + ".extra";
        if (r.keys(x, xctx, {"id", "name", "weight", "max"})) {
          comb.extra_id = r.id(x, xctx);
          comb.extra_name = r.required_text(x, "name", xctx);
          if (auto w = r.need(x, "weight", xctx)) comb.extra_weight = r.number(w, xctx + ".weight").value_or(0);
          if (auto m = r.need(x, "max", xctx)) comb.extra_max = r.number(m, xctx + ".max").value_or(0);
        }
      }
      comb.source = r.source(c, cctx);
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
        if (s == "base")
          pm.on = PassOn::base;
        else if (s == "final")
          pm.on = PassOn::final_score;
        else if (!s.empty())
          r.error(o, fmt::format("{}.on: unknown \"{}\"; expected base (before the bonus) or final (with it)", pctx, s),
                  "bad-value");
      }
      pm.source = r.source(p, pctx);
    }
    st.pass = std::move(pm);
  }

  if (auto inc = n["incomplete"]) {
    const std::string ictx = sctx + ".incomplete";
    if (r.keys(inc, ictx, {"text", "source"})) {
      st.incomplete = r.required_text(inc, "text", ictx);
      st.incomplete_source = r.source(inc, ictx);
    }
  }

  if (auto notes = n["notes"]) st.notes = r.notes(notes, sctx + ".notes", true);

  // Items that list no points take them from the grade fractions (max × fraction).
  const bool all_fractions = !st.grades.empty() && std::all_of(st.grades.begin(), st.grades.end(),
                                                               [](const Grade& g) { return g.fraction.has_value(); });
  if (all_fractions)
    for (auto& sec : st.sections)
      for (auto& item : sec.items)
        if (item.points.empty())
          for (const auto& g : st.grades) item.points.push_back(item.max * *g.fraction);
  return st;
}

}  // namespace

Rubric load_rubric(const std::string& text, const std::string& file, const Citations& citations, Diagnostics& diags) {
  Rubric rubric;
  rubric.file = file;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return rubric;
  const YAML::Node& root = *parsed;
  Reader r(file, diags, citations);
  rubric.where = r.at(root);
  if (!r.keys(root, "rubric", {"program", "name", "source", "notes", "stages"})) return rubric;
  if (auto p = r.need(root, "program", "rubric")) {
    rubric.where = r.at(p);
    rubric.program = r.scalar(p, "program").value_or("");
  }
  rubric.name = r.required_text(root, "name", "rubric");
  rubric.source = r.source(root, "rubric");
  if (auto notes = root["notes"]) rubric.notes = r.notes(notes, "notes", true);
  if (auto stages = r.need(root, "stages", "rubric"))
    r.list(stages, "stages",
           [&](const YAML::Node& n, const std::string& ctx) { rubric.stages.push_back(read_stage(r, n, ctx)); });
  return rubric;
}

std::vector<std::string> rubric_programs(const std::string& year_dir) {
  std::vector<std::string> ids;
  for (const auto& f : rubric_files(year_dir)) ids.push_back(fs::path(f).stem().string());
  return ids;
}

std::optional<Rubric> load_program_rubric(const std::string& year_dir, const std::string& program, Diagnostics& diags) {
  for (const auto& path : rubric_files(year_dir)) {
    if (fs::path(path).stem().string() != program) continue;
    Rubric rubric = load_rubric(read_data_file(path), path, year_citations(year_dir), diags);
    if (!rubric.program.empty() && rubric.program != program)
      diags.error(rubric.where,
                  fmt::format("the rubric in {} is for program \"{}\", not \"{}\"", fs::path(path).filename().string(),
                              rubric.program, program),
                  "file-name");
    return rubric;
  }
  return std::nullopt;
}

Citations year_citations(const std::string& year_dir) {
  Citations citations;
  const fs::path common = fs::path(year_dir) / "common.yaml";
  std::error_code ec;
  if (!fs::exists(common, ec)) return citations;
  Diagnostics ignored;  // common.yaml's own problems are reported by load_year
  try {
    const YearContext context = load_common(read_data_file(common.string()), common.string(), ignored);
    citations = detail::citations_of(context);
  } catch (const Error&) {
  }
  return citations;
}

std::vector<std::string> rubric_files(const std::string& year_dir) {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path dir = fs::path(year_dir) / "rubrics";
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace sfgrant
