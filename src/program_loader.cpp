#include "sfgrant/program_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "yaml_util.h"

namespace sfgrant {
namespace fs = std::filesystem;
using detail::location_of;

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(Location{path}, "is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location{path}, "cannot open file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text;
}

std::vector<int> available_years(const std::string& programs_dir) {
  std::vector<int> years;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(programs_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.size() == 4 && std::all_of(name.begin(), name.end(), ::isdigit))
      years.push_back(std::stoi(name));
  }
  std::sort(years.begin(), years.end());
  return years;
}

namespace {

/// Reads one file's nodes into the model, reporting to `diags` and carrying on after each problem.
class Reader {
 public:
  Reader(std::string file, const YearContext& context, Diagnostics& diags)
      : file_(std::move(file)), context_(context), diags_(diags) {}

  Location at(const YAML::Node& n) const { return location_of(n, file_); }
  void error(const YAML::Node& n, std::string message, std::string code = "invalid") {
    diags_.error(at(n), std::move(message), std::move(code));
  }

  bool keys(const YAML::Node& n, const std::string& context, const std::vector<std::string>& allowed) {
    return detail::check_map(n, file_, context, allowed, diags_);
  }

  std::optional<std::string> scalar(const YAML::Node& n, const std::string& what) {
    std::string s;
    if (!detail::read_scalar(n, file_, what, s, diags_)) return std::nullopt;
    return s;
  }

  /// A required key of a map.
  YAML::Node need(const YAML::Node& map, const char* key, const std::string& context) {
    YAML::Node n = map[key];
    if (!n) error(map, fmt::format("{}: \"{}\" is required", context, key), "missing-key");
    return n;
  }

  std::string source(const YAML::Node& map, const std::string& context, bool required = true) {
    YAML::Node n = map["source"];
    if (!n) {
      if (required) error(map, fmt::format("{}: \"source\" is required (the seed file and section it comes from)", context),
                          "missing-source");
      return {};
    }
    auto s = scalar(n, context + ".source");
    if (!s) return {};
    check_source(n, *s, context);
    return *s;
  }

  void check_source(const YAML::Node& n, const std::string& s, const std::string& context) {
    const std::string file = s.substr(0, s.find(' '));
    bool known = false;
    std::vector<std::string> names;
    for (const auto& a : context_.announcements) {
      known = known || a.file == file;
      names.push_back(a.file);
    }
    if (!known) {
      std::string message = fmt::format("{}: source \"{}\" does not cite an announcement of {}", context, s, context_.year);
      if (auto near = closest(file, names)) message += fmt::format("; did you mean \"{}\"?", *near);
      else if (!names.empty()) message += "; expected one of " + fmt::format("{}", fmt::join(names, ", "));
      error(n, message, "unknown-source");
    } else if (s.size() <= file.size() + 1) {
      diags_.warning(at(n), fmt::format("{}: source \"{}\" names no section", context, s), "vague-source");
    }
  }

  Text text(const YAML::Node& n, const std::string& what, bool both) {
    Text t;
    if (n.IsScalar()) {
      if (both) error(n, fmt::format("{}: expected {{ko: …, en: …}} with both languages", what), "missing-language");
      t.ko = n.Scalar();
      return t;
    }
    if (!keys(n, what, {"ko", "en"})) return t;
    if (n["ko"]) t.ko = scalar(n["ko"], what + ".ko").value_or("");
    if (n["en"]) t.en = scalar(n["en"], what + ".en").value_or("");
    if (both && (t.ko.empty() || t.en.empty()))
      error(n, fmt::format("{}: both ko and en are required", what), "missing-language");
    return t;
  }

  std::optional<Won> amount(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    try {
      Won w = parse_amount(*s);
      if (w <= 0) {
        error(n, fmt::format("{}: must be more than 0, found \"{}\"", what, *s), "not-positive");
        return std::nullopt;
      }
      return w;
    } catch (const Error& e) {
      error(n, fmt::format("{}: {}", what, e.message()), "bad-amount");
      return std::nullopt;
    }
  }

  std::optional<Ratio> ratio(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    try {
      return parse_ratio(*s);
    } catch (const Error& e) {
      error(n, fmt::format("{}: {}", what, e.message()), "bad-ratio");
      return std::nullopt;
    }
  }

  std::optional<int> positive(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    bool digits = !s->empty() && s->size() < 7 && std::all_of(s->begin(), s->end(), ::isdigit);
    int v = digits ? std::stoi(*s) : 0;
    if (v <= 0) {
      error(n, fmt::format("{}: expected a whole number above 0, found \"{}\"", what, *s), "not-positive");
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> boolean(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    if (*s == "true") return true;
    if (*s == "false") return false;
    error(n, fmt::format("{}: expected true or false, found \"{}\"", what, *s), "wrong-type");
    return std::nullopt;
  }

  std::optional<Date> date(const YAML::Node& n, const std::string& what) {
    auto s = scalar(n, what);
    if (!s) return std::nullopt;
    auto d = Date::parse(*s);
    if (!d) error(n, fmt::format("{}: \"{}\" is not a date; expected YYYY-MM or YYYY-MM-DD", what, *s), "bad-date");
    return d;
  }

  std::vector<Note> notes(const YAML::Node& n, const std::string& what) {
    std::vector<Note> out;
    if (!n.IsSequence()) {
      error(n, fmt::format("{}: expected a list of {{text, source}}", what), "wrong-type");
      return out;
    }
    for (const auto& item : n) {
      if (!keys(item, what, {"text", "source"})) continue;
      Note note;
      if (auto t = need(item, "text", what)) note.text = text(t, what + ".text", false);
      note.source = source(item, what);
      out.push_back(std::move(note));
    }
    return out;
  }

  Condition condition(const YAML::Node& n, const std::string& what, int depth = 0) {
    Condition c;
    c.where = at(n);
    if (depth > 32) {
      error(n, fmt::format("{}: conditions nested deeper than 32 levels", what), "too-deep");
      return c;
    }
    if (n.IsScalar()) {
      try {
        return parse_comparison(n.Scalar(), at(n));
      } catch (const Error& e) {
        diags_.error(e.where(), fmt::format("{}: {}", what, e.message()), "bad-condition");
        c.kind = Condition::Kind::all;  // harmless placeholder; the file is already in error
        return c;
      }
    }
    if (!n.IsMap() || n.size() != 1) {
      error(n, fmt::format("{}: expected a comparison like \"size <= midsize\" or a map with one key all, any or not",
                           what),
            "bad-condition");
      c.kind = Condition::Kind::all;
      return c;
    }
    if (!keys(n, what, {"all", "any", "not"})) return c;
    const auto kv = *n.begin();
    const std::string key = kv.first.Scalar();
    if (key == "not") {
      c.kind = Condition::Kind::negate;
      c.children.push_back(condition(kv.second, what + ".not", depth + 1));
      return c;
    }
    c.kind = key == "all" ? Condition::Kind::all : Condition::Kind::any;
    if (!kv.second.IsSequence() || kv.second.size() == 0) {
      error(kv.second, fmt::format("{}.{}: expected a non-empty list of conditions", what, key), "bad-condition");
      return c;
    }
    for (const auto& child : kv.second) c.children.push_back(condition(child, what + "." + key, depth + 1));
    return c;
  }

  void rules(const YAML::Node& n, const std::string& what, std::vector<Rule>& out, bool allow_use) {
    if (!n.IsSequence()) {
      error(n, fmt::format("{}: expected a list of rules", what), "wrong-type");
      return;
    }
    for (const auto& item : n) {
      if (allow_use && item.IsMap() && item["use"]) {
        if (!keys(item, what, {"use"})) continue;
        auto name = scalar(item["use"], what + ".use");
        if (!name) continue;
        bool found = false;
        std::vector<std::string> names;
        for (const auto& [set_name, set_rules] : context_.rule_sets) {
          names.push_back(set_name);
          if (set_name == *name) {
            out.insert(out.end(), set_rules.begin(), set_rules.end());
            found = true;
          }
        }
        if (!found) {
          std::string message = fmt::format("{}: unknown rule set \"{}\"", what, *name);
          if (auto near = closest(*name, names)) message += fmt::format("; did you mean \"{}\"?", *near);
          error(item["use"], message, "unknown-rule-set");
        }
        continue;
      }
      out.push_back(rule(item, what));
    }
  }

  Rule rule(const YAML::Node& n, const std::string& what) {
    Rule r;
    r.where = at(n);
    if (!keys(n, what, {"id", "require", "message", "source"})) return r;
    if (auto id = need(n, "id", what)) r.id = scalar(id, what + ".id").value_or("");
    const std::string ctx = r.id.empty() ? what : fmt::format("rule {}", r.id);
    if (auto req = need(n, "require", ctx)) r.require = condition(req, ctx + ".require");
    if (auto m = need(n, "message", ctx)) r.message = text(m, ctx + ".message", true);
    r.source = source(n, ctx);
    return r;
  }

  std::optional<Ratio> opt_ratio(const YAML::Node& map, const char* key, const std::string& ctx) {
    if (!map[key]) return std::nullopt;
    return ratio(map[key], ctx + "." + key);
  }

  void level_table(const YAML::Node& n, Track& t, const std::string& ctx) {
    if (!keys(n, ctx, {"source", "rows"})) return;
    t.cap_by_level_source = source(n, ctx);
    YAML::Node rows = need(n, "rows", ctx);
    if (!rows) return;
    if (!rows.IsSequence() || rows.size() == 0) {
      error(rows, fmt::format("{}.rows: expected a list of {{from, to, cap}}", ctx), "wrong-type");
      return;
    }
    for (const auto& row : rows) {
      if (!keys(row, ctx + ".rows", {"from", "to", "cap"})) continue;
      LevelCap lc;
      lc.where = at(row);
      bool ok = true;
      for (const char* key : {"from", "to"}) {
        YAML::Node v = need(row, key, ctx + ".rows");
        if (!v) {
          ok = false;
          continue;
        }
        auto word = scalar(v, ctx + ".rows." + key);
        auto idx = word ? level_vocabulary().find(*word) : std::nullopt;
        if (!idx) {
          if (word)
            error(v, fmt::format("{}.rows.{}: \"{}\" is not a level; expected one of {}", ctx, key, *word,
                                 level_vocabulary().describe()),
                  "bad-level");
          ok = false;
          continue;
        }
        (std::string(key) == "from" ? lc.from : lc.to) = *idx;
      }
      YAML::Node cap = need(row, "cap", ctx + ".rows");
      auto w = cap ? amount(cap, ctx + ".rows.cap") : std::nullopt;
      if (!w || !ok) continue;
      lc.cap = *w;
      if (lc.to <= lc.from)
        error(row, fmt::format("{}: a row from {} to {} does not raise the level", ctx,
                               level_vocabulary().choices[static_cast<size_t>(lc.from)].id,
                               level_vocabulary().choices[static_cast<size_t>(lc.to)].id),
              "bad-level");
      for (const LevelCap& other : t.cap_by_level) {
        if (other.from == lc.from && other.to == lc.to)
          error(row, fmt::format("{}: the pair {} → {} is given twice (first at {}); a table needs exactly one answer",
                                 ctx, level_vocabulary().choices[static_cast<size_t>(lc.from)].id,
                                 level_vocabulary().choices[static_cast<size_t>(lc.to)].id, other.where.str()),
                "overlap");
      }
      t.cap_by_level.push_back(lc);
    }
  }

  /// The level table as a rule: the current → target pair must be one of its rows.
  static Rule level_table_rule(const Track& t) {
    Rule r;
    r.id = "level-table";
    r.source = t.cap_by_level_source;
    r.where = t.cap_by_level.front().where;
    r.message = {"현재-목표 수준 조합이 지원한도 표에 있어야 함",
                 "The current → target level pair must be one of the cap table's rows"};
    r.require.kind = Condition::Kind::any;
    const auto& levels = level_vocabulary().choices;
    for (const LevelCap& row : t.cap_by_level) {
      Condition both;
      both.kind = Condition::Kind::all;
      for (const auto& [path, idx] : {std::pair{"smart_factory.level", row.from}, std::pair{"smart_factory.target_level", row.to}}) {
        Condition c;
        c.kind = Condition::Kind::compare;
        c.fact = &fact(path);
        c.op = CompareOp::eq;
        c.rhs.numbers = {idx};
        c.text = fmt::format("{} == {}", path, levels[static_cast<size_t>(idx)].id);
        c.where = row.where;
        both.children.push_back(std::move(c));
      }
      r.require.children.push_back(std::move(both));
    }
    return r;
  }

  Track track(const YAML::Node& n, const std::string& program_id) {
    Track t;
    t.where = at(n);
    static const std::vector<std::string> kKeys = {
        "id",  "name",  "source", "months", "cap", "ratio", "years", "cap_per_year", "cap_by_level", "large_company_min",
        "company_max", "in_kind_max", "company_cash_min", "local_government", "rules", "notes"};
    if (!keys(n, "track", kKeys)) return t;
    if (auto id = need(n, "id", "track")) t.id = scalar(id, "track.id").value_or("");
    const std::string ctx = fmt::format("track {}:{}", program_id, t.id);
    if (auto name = need(n, "name", ctx)) t.name = text(name, ctx + ".name", true);
    t.source = source(n, ctx);
    if (n["months"]) t.months = positive(n["months"], ctx + ".months");
    if (n["cap"]) t.cap = amount(n["cap"], ctx + ".cap");
    if (n["ratio"]) t.ratio = ratio(n["ratio"], ctx + ".ratio");
    if (n["years"]) t.years = positive(n["years"], ctx + ".years").value_or(1);
    if (n["cap_per_year"]) t.cap_per_year = amount(n["cap_per_year"], ctx + ".cap_per_year");
    if (n["cap_by_level"]) level_table(n["cap_by_level"], t, ctx + ".cap_by_level");
    if (!t.cap_by_level.empty()) t.rules.push_back(level_table_rule(t));
    t.large_company_min = opt_ratio(n, "large_company_min", ctx);
    t.company_max = opt_ratio(n, "company_max", ctx);
    t.in_kind_max = opt_ratio(n, "in_kind_max", ctx);
    t.company_cash_min = opt_ratio(n, "company_cash_min", ctx);
    if (n["local_government"]) t.local_government = scalar(n["local_government"], ctx + ".local_government").value_or("");
    if (n["rules"]) rules(n["rules"], ctx + ".rules", t.rules, true);
    if (n["notes"]) t.notes = notes(n["notes"], ctx + ".notes");
    check_track_money(n, t, ctx);
    return t;
  }

  void check_track_money(const YAML::Node& n, const Track& t, const std::string& ctx) {
    if (t.cap_per_year && t.years < 2)
      error(n["cap_per_year"], fmt::format("{}: cap_per_year needs years of 2 or more", ctx), "inconsistent");
    if (t.years > 1 && !t.cap_per_year)
      error(n["years"], fmt::format("{}: a multi-year track needs cap_per_year", ctx), "inconsistent");
    if (t.cap && t.cap_per_year && *t.cap_per_year > *t.cap)
      error(n["cap_per_year"], fmt::format("{}: cap_per_year is more than the whole cap", ctx), "inconsistent");
    if (!t.cap_by_level.empty() && t.cap) {
      for (const LevelCap& row : t.cap_by_level)
        if (row.cap > *t.cap)
          diags_.error(row.where, fmt::format("{}: a level-table cap is more than the track's cap {}", ctx,
                                              format_korean(*t.cap)),
                       "inconsistent");
    }
    if ((t.cap || !t.cap_by_level.empty()) && !t.ratio)
      error(n, fmt::format("{}: a cap needs a ratio", ctx), "inconsistent");
    if (t.three_party()) {
      if (!t.ratio || !t.large_company_min || !t.company_max) {
        error(n, fmt::format("{}: a three-party track needs ratio, large_company_min and company_max", ctx),
              "inconsistent");
        return;
      }
      const auto gov = t.ratio->basis_points;
      const auto large = t.large_company_min->basis_points;
      const auto company = t.company_max->basis_points;
      if (gov + large > Ratio::kWhole)
        error(n, fmt::format("{}: government {} and large company at least {} are more than 100%", ctx,
                             format_ratio(*t.ratio), format_ratio(*t.large_company_min)),
              "shares");
      if (gov + large + company < Ratio::kWhole && company > 0)
        diags_.warning(at(n), fmt::format("{}: shares {} + {} + {} leave part of the total unpaid; the large company covers it",
                                          ctx, format_ratio(*t.ratio), format_ratio(*t.large_company_min),
                                          format_ratio(*t.company_max)),
                       "shares");
    }
  }

  Schedule schedule(const YAML::Node& n, const std::string& ctx) {
    Schedule s;
    if (!keys(n, ctx, {"announce", "apply_from", "apply_to", "rolling", "selection", "source"})) return s;
    if (n["announce"]) s.announce = date(n["announce"], ctx + ".announce");
    if (n["apply_from"]) s.apply_from = date(n["apply_from"], ctx + ".apply_from");
    if (n["apply_to"]) s.apply_to = date(n["apply_to"], ctx + ".apply_to");
    if (n["rolling"]) s.rolling = boolean(n["rolling"], ctx + ".rolling").value_or(false);
    if (n["selection"]) s.selection = text(n["selection"], ctx + ".selection", false);
    s.source = source(n, ctx);
    if (s.apply_from && s.apply_to && s.apply_to->last_day() < s.apply_from->first_day())
      error(n["apply_to"], fmt::format("{}: the window ends ({}) before it starts ({})", ctx, s.apply_to->str(),
                                       s.apply_from->str()),
            "bad-window");
    if (!s.rolling && !s.apply_from && !s.apply_to)
      diags_.warning(at(n), fmt::format("{}: no apply_from / apply_to and not rolling: the window is unknown", ctx),
                     "no-window");
    return s;
  }

  Agency agency(const YAML::Node& n, const std::string& ctx) {
    Agency a;
    if (!keys(n, ctx, {"lead", "operator", "phone", "regional_center", "source"})) return a;
    if (n["lead"]) a.lead = scalar(n["lead"], ctx + ".lead").value_or("");
    if (n["operator"]) a.operator_name = scalar(n["operator"], ctx + ".operator").value_or("");
    if (n["phone"]) a.phone = scalar(n["phone"], ctx + ".phone").value_or("");
    if (n["regional_center"]) a.regional_center = boolean(n["regional_center"], ctx + ".regional_center").value_or(false);
    a.source = source(n, ctx);
    return a;
  }

  HowToApply apply(const YAML::Node& n, const std::string& ctx) {
    HowToApply h;
    if (!keys(n, ctx, {"where", "documents", "source"})) return h;
    if (n["where"]) h.where = text(n["where"], ctx + ".where", false);
    h.source = source(n, ctx, false);
    if (n["documents"]) {
      if (!n["documents"].IsSequence()) {
        error(n["documents"], ctx + ".documents: expected a list", "wrong-type");
        return h;
      }
      for (const auto& d : n["documents"]) {
        if (!keys(d, ctx + ".documents", {"name", "validity", "source"})) continue;
        Document doc;
        if (auto name = need(d, "name", ctx + ".documents")) doc.name = text(name, ctx + ".documents.name", false);
        if (d["validity"]) doc.validity = text(d["validity"], ctx + ".documents.validity", false);
        doc.source = source(d, ctx + ".documents");
        h.documents.push_back(std::move(doc));
      }
    }
    return h;
  }

  Program program(const YAML::Node& root) {
    Program p;
    p.file = file_;
    static const std::vector<std::string> kKeys = {"id",    "name",  "category", "source", "quota", "schedule",
                                                   "agency", "apply", "notes",    "rules",  "tracks"};
    if (!keys(root, "program", kKeys)) return p;
    if (auto id = need(root, "id", "program")) p.id = scalar(id, "program.id").value_or("");
    const std::string ctx = fmt::format("program {}", p.id);
    if (auto name = need(root, "name", ctx)) p.name = text(name, ctx + ".name", true);
    if (root["category"]) p.category = text(root["category"], ctx + ".category", false);
    p.source = source(root, ctx);
    if (root["quota"]) p.quota = positive(root["quota"], ctx + ".quota");
    if (auto s = need(root, "schedule", ctx)) p.schedule = schedule(s, ctx + ".schedule");
    if (auto a = need(root, "agency", ctx)) p.agency = agency(a, ctx + ".agency");
    if (root["apply"]) p.apply = apply(root["apply"], ctx + ".apply");
    if (root["notes"]) p.notes = notes(root["notes"], ctx + ".notes");
    if (root["rules"]) rules(root["rules"], ctx + ".rules", p.rules, true);
    YAML::Node tracks = need(root, "tracks", ctx);
    if (tracks) {
      if (!tracks.IsSequence() || tracks.size() == 0) {
        error(tracks, ctx + ".tracks: expected a list of at least one track", "wrong-type");
      } else {
        std::map<std::string, Location> seen;
        for (const auto& t : tracks) {
          Track track_ = track(t, p.id);
          if (!track_.id.empty()) {
            auto [it, inserted] = seen.emplace(track_.id, track_.where);
            if (!inserted)
              diags_.error(track_.where,
                           fmt::format("{}: duplicate track id \"{}\" (first at {})", ctx, track_.id, it->second.str()),
                           "duplicate-id");
          }
          p.tracks.push_back(std::move(track_));
        }
      }
    }
    check_rule_ids(p, ctx);
    return p;
  }

  void check_rule_ids(const Program& p, const std::string& ctx) {
    std::map<std::string, Location> seen;
    auto visit = [&](const std::vector<Rule>& rs, const std::string& scope) {
      std::map<std::string, Location> local;
      for (const Rule& r : rs) {
        if (r.id.empty()) continue;
        auto [it, inserted] = local.emplace(r.id, r.where);
        if (!inserted)
          diags_.error(r.where, fmt::format("{}: rule id \"{}\" used twice in {} (first at {})", ctx, r.id, scope,
                                            it->second.str()),
                       "duplicate-id");
      }
    };
    visit(p.rules, "the program's rules");
    for (const Track& t : p.tracks) {
      std::vector<Rule> all = p.rules;
      all.insert(all.end(), t.rules.begin(), t.rules.end());
      visit(all, "track " + t.id + " and its program");
    }
  }

 private:
  std::string file_;
  const YearContext& context_;
  Diagnostics& diags_;
};

std::vector<Center> load_centers(const std::string& text, const std::string& file, const YearContext& context,
                                 Diagnostics& diags) {
  std::vector<Center> out;
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return out;
  }
  Reader r(file, context, diags);
  if (!r.keys(root, "centers file", {"centers"})) return out;
  YAML::Node list = r.need(root, "centers", "centers file");
  if (!list) return out;
  if (!list.IsSequence()) {
    r.error(list, "centers: expected a list", "wrong-type");
    return out;
  }
  for (const auto& n : list) {
    if (!r.keys(n, "center", {"id", "name", "regions", "cities", "phone", "address", "source"})) continue;
    Center c;
    if (auto id = r.need(n, "id", "center")) c.id = r.scalar(id, "center.id").value_or("");
    const std::string ctx = "center " + c.id;
    if (auto name = r.need(n, "name", ctx)) c.name = r.text(name, ctx + ".name", false);
    for (const char* key : {"regions", "cities"}) {
      YAML::Node v = n[key];
      if (!v) continue;
      if (!v.IsSequence()) {
        r.error(v, fmt::format("{}.{}: expected a list", ctx, key), "wrong-type");
        continue;
      }
      for (const auto& item : v) {
        auto s = r.scalar(item, ctx + "." + key);
        if (!s) continue;
        if (std::string(key) == "regions" && !region_vocabulary().find(*s))
          r.error(item, fmt::format("{}.regions: \"{}\" is not a 시·도; expected one of {}", ctx, *s,
                                    region_vocabulary().describe()),
                  "bad-region");
        (std::string(key) == "regions" ? c.regions : c.cities).push_back(*s);
      }
    }
    if (c.regions.empty()) r.error(n, ctx + ": \"regions\" is required", "missing-key");
    if (n["phone"]) c.phone = r.scalar(n["phone"], ctx + ".phone").value_or("");
    if (n["address"]) c.address = r.scalar(n["address"], ctx + ".address").value_or("");
    c.source = r.source(n, ctx);
    out.push_back(std::move(c));
  }
  return out;
}

/// Puts programs in the announcement's order and checks that the list and the files agree.
void order_programs(Catalogue& cat, const YearContext& context, Diagnostics& diags) {
  auto rank = [&](const std::string& id) {
    auto it = std::find(context.order.begin(), context.order.end(), id);
    return static_cast<size_t>(it - context.order.begin());
  };
  for (const Program& p : cat.programs)
    if (rank(p.id) == context.order.size())
      diags.error(Location{p.file, 1, 1},
                  fmt::format("program \"{}\" is not listed under `programs` in common.yaml", p.id), "unlisted");
  for (const std::string& id : context.order)
    if (cat.find_program(id) == nullptr)
      diags.error(context.order_where,
                  fmt::format("common.yaml lists program \"{}\" but there is no {}.yaml", id, id), "missing-program");
  std::stable_sort(cat.programs.begin(), cat.programs.end(),
                   [&](const Program& a, const Program& b) { return rank(a.id) < rank(b.id); });
}

}  // namespace

YearContext load_common(const std::string& text, const std::string& file, Diagnostics& diags) {
  YearContext context;
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return context;
  }
  Reader r(file, context, diags);
  if (!r.keys(root, "common.yaml", {"year", "announcements", "programs", "rule_sets"})) return context;
  if (YAML::Node order = root["programs"]) {
    context.order_where = r.at(order);
    if (!order.IsSequence()) r.error(order, "programs: expected the list of program ids in the announcement's order", "wrong-type");
    else
      for (const auto& id : order)
        if (auto s = r.scalar(id, "programs")) context.order.push_back(*s);
  }
  if (auto y = r.need(root, "year", "common.yaml")) context.year = r.positive(y, "year").value_or(0);
  if (auto list = r.need(root, "announcements", "common.yaml")) {
    if (!list.IsSequence()) {
      r.error(list, "announcements: expected a list", "wrong-type");
    } else {
      for (const auto& a : list) {
        if (!r.keys(a, "announcement", {"file", "title", "issued"})) continue;
        Announcement ann;
        if (auto f = r.need(a, "file", "announcement")) ann.file = r.scalar(f, "announcement.file").value_or("");
        if (a["title"]) ann.title = r.scalar(a["title"], "announcement.title").value_or("");
        if (a["issued"]) ann.issued = r.scalar(a["issued"], "announcement.issued").value_or("");
        context.announcements.push_back(ann);
      }
    }
  }
  if (YAML::Node sets = root["rule_sets"]) {
    if (!sets.IsMap()) {
      r.error(sets, "rule_sets: expected a map of named rule lists", "wrong-type");
    } else {
      std::vector<std::string> names;
      for (const auto& kv : sets) names.push_back(kv.first.Scalar());
      r.keys(sets, "rule_sets", names);  // duplicates
      for (const auto& kv : sets) {
        std::vector<Rule> rules;
        r.rules(kv.second, "rule set " + kv.first.Scalar(), rules, false);
        context.rule_sets.emplace_back(kv.first.Scalar(), std::move(rules));
      }
    }
  }
  return context;
}

Program load_program(const std::string& text, const std::string& file, const YearContext& context,
                     Diagnostics& diags) {
  YAML::Node root;
  try {
    root = detail::parse_document(text, file);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    Program p;
    p.file = file;
    return p;
  }
  Reader r(file, context, diags);
  return r.program(root);
}

Catalogue load_year(const std::string& programs_dir, int year, Diagnostics& diags) {
  Catalogue cat;
  cat.year = year;
  const fs::path dir = fs::path(programs_dir) / std::to_string(year);
  cat.folder = dir.string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::string have;
    for (int y : available_years(programs_dir)) have += (have.empty() ? "" : ", ") + std::to_string(y);
    diags.error(Location{dir.string()},
                fmt::format("no programs for {} in {} (years available: {})", year, programs_dir,
                            have.empty() ? "none" : have),
                "no-year");
    return cat;
  }
  auto read = [&](const fs::path& p) -> std::optional<std::string> {
    try {
      return read_file(p.string());
    } catch (const Error& e) {
      diags.error(e.where(), e.message(), "io");
      return std::nullopt;
    }
  };
  YearContext context;
  const fs::path common = dir / "common.yaml";
  if (!fs::exists(common)) {
    diags.error(Location{common.string()}, "missing common.yaml (the year, its announcements and rule sets)", "missing-file");
  } else if (auto text = read(common)) {
    context = load_common(*text, common.string(), diags);
    if (context.year != 0 && context.year != year)
      diags.error(Location{common.string(), 1, 1},
                  fmt::format("year {} in a folder named {}", context.year, year), "inconsistent");
  }
  cat.announcements = context.announcements;

  fs::path industries = dir / "industries.yaml";
  if (!fs::exists(industries)) industries = fs::path(programs_dir) / "industries.yaml";
  if (!fs::exists(industries)) {
    diags.error(Location{industries.string()}, "missing industries.yaml (KSIC tables for derived facts)", "missing-file");
  } else if (auto text = read(industries)) {
    cat.industries = load_industries(*text, industries.string(), diags);
  }

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> ids;
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    if (name == "common.yaml" || name == "industries.yaml") continue;
    auto text = read(f);
    if (!text) continue;
    if (name == "centers.yaml") {
      cat.centers = load_centers(*text, f.string(), context, diags);
      continue;
    }
    Program p = load_program(*text, f.string(), context, diags);
    if (p.id.empty()) continue;
    if (f.stem().string() != p.id)
      diags.warning(Location{f.string(), 1, 1},
                    fmt::format("program id \"{}\" in a file named {}: name the file {}.yaml", p.id, name, p.id),
                    "file-name");
    auto [it, inserted] = ids.emplace(p.id, f.string());
    if (!inserted) {
      diags.error(Location{f.string(), 1, 1},
                  fmt::format("duplicate program id \"{}\" in {} (also in {})", p.id, year, it->second), "duplicate-id");
      continue;
    }
    cat.programs.push_back(std::move(p));
  }
  if (!context.order.empty()) order_programs(cat, context, diags);
  return cat;
}

Catalogue load_year(const std::string& programs_dir, int year) {
  Diagnostics diags;
  Catalogue cat = load_year(programs_dir, year, diags);
  diags.throw_if_errors();
  return cat;
}

}  // namespace sfgrant
