#include "sfgrant/load/program_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "yaml_reader.h"
#include "yaml_util.h"

namespace sfgrant {
namespace fs = std::filesystem;
using detail::location_of;

namespace {

/// Reads at most kMaxReadBytes: a device like /dev/zero or an endless pipe must not exhaust memory.
/// (The YAML loaders refuse far less, README "Input limits".)
constexpr std::streamsize kMaxReadBytes = 64 * 1024 * 1024;

std::string read_bounded(std::istream& in, const std::string& path) {
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (static_cast<std::streamsize>(text.size()) > kMaxReadBytes)
      throw Error(Location{path}, fmt::format("file too large: more than {} bytes", kMaxReadBytes));
  }
  return text;
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") return read_bounded(std::cin, "<stdin>");
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(Location{path}, "is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Location{path}, "cannot open file");
  return read_bounded(in, path);
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

const std::vector<DataKey>& data_keys(DataMap map) {
  using K = std::vector<DataKey>;
  static const K kProgram = {{"id", true},       {"name", true},   {"category", false}, {"source", true},
                             {"quota", false},   {"schedule", true}, {"agency", true},  {"apply", false},
                             {"notes", false},   {"rules", false}, {"tracks", true}};
  static const K kTrack = {{"id", true},           {"name", true},          {"source", true},
                           {"months", false},      {"cap", false},          {"ratio", false},
                           {"years", false},       {"cap_per_year", false}, {"cap_by_level", false},
                           {"large_company_min", false}, {"company_max", false}, {"in_kind_max", false},
                           {"company_cash_min", false},  {"local_government", false}, {"rules", false},
                           {"notes", false}};
  static const K kRule = {{"id", true}, {"require", true}, {"message", true}, {"source", true}};
  static const K kUse = {{"use", true}};
  static const K kCondition = {{"all", false}, {"any", false}, {"not", false}};
  static const K kText = {{"ko", false}, {"en", false}};
  static const K kNote = {{"text", true}, {"source", true}};
  static const K kLevelTable = {{"source", true}, {"rows", true}};
  static const K kLevelRow = {{"from", true}, {"to", true}, {"cap", true}};
  static const K kSchedule = {{"announce", false},  {"apply_from", false}, {"apply_to", false},
                              {"rolling", false},   {"selection", false},  {"source", true}};
  static const K kAgency = {{"lead", false},            {"operator", false}, {"phone", false},
                            {"regional_center", false}, {"source", true}};
  static const K kApply = {{"where", false}, {"documents", false}, {"source", false}};
  static const K kDocument = {{"name", true}, {"validity", false}, {"source", true}};
  static const K kCommon = {{"year", true}, {"announcements", true}, {"programs", false}, {"rule_sets", false}};
  static const K kAnnouncement = {{"file", true}, {"title", false}, {"issued", false}};
  static const K kCentersFile = {{"centers", true}};
  static const K kCenter = {{"id", true},     {"name", true},    {"regions", true}, {"cities", false},
                            {"phone", false}, {"address", false}, {"source", true}};
  switch (map) {
    case DataMap::program: return kProgram;
    case DataMap::track: return kTrack;
    case DataMap::rule: return kRule;
    case DataMap::rule_set_use: return kUse;
    case DataMap::condition: return kCondition;
    case DataMap::text: return kText;
    case DataMap::note: return kNote;
    case DataMap::level_table: return kLevelTable;
    case DataMap::level_row: return kLevelRow;
    case DataMap::schedule: return kSchedule;
    case DataMap::agency: return kAgency;
    case DataMap::apply: return kApply;
    case DataMap::document: return kDocument;
    case DataMap::common: return kCommon;
    case DataMap::announcement: return kAnnouncement;
    case DataMap::centers_file: return kCentersFile;
    case DataMap::center: return kCenter;
  }
  return kProgram;
}

std::vector<std::string> data_key_names(DataMap map) {
  std::vector<std::string> names;
  for (const DataKey& k : data_keys(map)) names.push_back(k.name);
  return names;
}

namespace {

/// Where `needle` first appears in a file as the value of a `key:` (for places the model does not
/// keep, like a program's id or an announcement's file name); the file's first line when it does not.
Location find_key_line(const std::string& file, const std::string& key, const std::string& needle, bool top_level) {
  std::string text;
  try {
    text = read_file(file);
  } catch (const Error&) {
    return Location{file, 1, 1};
  }
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const size_t k = line.find(key + ":");
    if (k == std::string::npos || line.find_first_not_of(" -", 0) != k || (top_level && k != 0)) continue;
    const size_t v = line.find(needle, k);
    if (v != std::string::npos) return Location{file, n, static_cast<int>(v) + 1};
  }
  return Location{file, 1, 1};
}

/// Reads one file's nodes into the model, reporting to `diags` and carrying on after each problem.
class Reader : public detail::YamlReader {
 public:
  Reader(std::string file, const YearContext& context, Diagnostics& diags)
      : YamlReader(std::move(file), diags), context_(context) {}

  using YamlReader::keys;
  bool keys(const YAML::Node& n, const std::string& context, DataMap map) {
    return detail::check_map(n, file_, context, data_key_names(map), diags_);
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
    if (!keys(n, what, DataMap::text)) return t;
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
      if (!keys(item, what, DataMap::note)) continue;
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
    if (!keys(n, what, DataMap::condition)) return c;
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
        if (!keys(item, what, DataMap::rule_set_use)) continue;
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
    if (!keys(n, what, DataMap::rule)) return r;
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

  /// A level-dependent cap table (레전드50+ 현재-목표 수준별 지원한도). Each row answers one
  /// current → target pair with a cap, or with `cap: none` where the announcement supports none.
  /// The table must answer every pair it covers exactly once: for each `from` and each `to` it
  /// names (with from below to), one row.
  void level_table(const YAML::Node& n, Track& t, const std::string& ctx) {
    if (!keys(n, ctx, DataMap::level_table)) return;
    t.cap_by_level_source = source(n, ctx);
    YAML::Node rows = need(n, "rows", ctx);
    if (!rows) return;
    if (!rows.IsSequence() || rows.size() == 0) {
      error(rows, fmt::format("{}.rows: expected a list of {{from, to, cap}}", ctx), "wrong-type");
      return;
    }
    const auto& levels = level_vocabulary().choices;
    auto name = [&](int idx) { return levels[static_cast<size_t>(idx)].id; };
    std::map<std::pair<int, int>, Location> answered;  // every readable row, `cap: none` included
    std::set<int> froms;
    std::set<int> tos;
    bool rows_ok = true;
    for (const auto& row : rows) {
      if (!keys(row, ctx + ".rows", DataMap::level_row)) {
        rows_ok = false;
        continue;
      }
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
      const bool unsupported = cap && cap.IsScalar() && cap.Scalar() == "none";
      std::optional<Won> w;
      if (cap && !unsupported) w = amount(cap, ctx + ".rows.cap");
      if (!ok || (!w && !unsupported)) {
        rows_ok = false;
        continue;
      }
      if (lc.to <= lc.from) {
        error(row, fmt::format("{}: a row from {} to {} does not raise the level", ctx, name(lc.from), name(lc.to)),
              "bad-level");
        rows_ok = false;
        continue;
      }
      auto [it, inserted] = answered.emplace(std::pair{lc.from, lc.to}, lc.where);
      if (!inserted) {
        error(row, fmt::format("{}: the pair {} → {} is given twice (first at {}); a table needs exactly one answer",
                               ctx, name(lc.from), name(lc.to), it->second.str()),
              "overlap");
        continue;
      }
      froms.insert(lc.from);
      tos.insert(lc.to);
      if (unsupported) continue;
      lc.cap = *w;
      t.cap_by_level.push_back(lc);
    }
    if (!rows_ok) return;  // the gaps of a table with broken rows would only repeat those errors
    std::vector<std::string> missing;
    for (int from : froms)
      for (int to : tos)
        if (from < to && answered.count({from, to}) == 0) missing.push_back(name(from) + " → " + name(to));
    if (!missing.empty()) {
      auto names = [&](const std::set<int>& set) {
        std::vector<std::string> out;
        for (int i : set) out.push_back(name(i));
        return fmt::format("{}", fmt::join(out, ", "));
      };
      error(rows, fmt::format("{}: no row for {}; the table covers from {} to {}, so it needs one row for each pair "
                              "(write `cap: none` where the announcement supports none)",
                              ctx, fmt::join(missing, ", "), names(froms), names(tos)),
            "missing-row");
    }
    if (t.cap_by_level.empty())
      error(rows, fmt::format("{}: every row says `cap: none`; the track would support no level pair", ctx),
            "missing-row");
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
    if (!keys(n, "track", DataMap::track)) return t;
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
    // Only keys that are missing: one that is there but unreadable has been reported already.
    if ((n["cap"] || n["cap_by_level"]) && !n["ratio"])
      error(n, fmt::format("{}: a cap needs a ratio", ctx), "inconsistent");
    if (n["large_company_min"] || n["company_max"]) {
      if (!n["ratio"] || !n["large_company_min"] || !n["company_max"]) {
        error(n, fmt::format("{}: a three-party track needs ratio, large_company_min and company_max", ctx),
              "inconsistent");
        return;
      }
      if (!t.ratio || !t.large_company_min || !t.company_max) return;
      const auto gov = t.ratio->basis_points;
      const auto large = t.large_company_min->basis_points;
      const auto company = t.company_max->basis_points;
      if (gov + large > Ratio::kWhole)
        error(n["large_company_min"], fmt::format("{}: government {} and large company at least {} are more than 100%", ctx,
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
    if (!keys(n, ctx, DataMap::schedule)) return s;
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
    const std::pair<const char*, const std::optional<Date>*> dates[] = {
        {"announce", &s.announce}, {"apply_from", &s.apply_from}, {"apply_to", &s.apply_to}};
    for (const auto& [key, d] : dates) {
      const int y = *d ? (*d)->year : context_.year;
      if (context_.year != 0 && (y < context_.year - 1 || y > context_.year + 1))
        diags_.warning(at(n[key]),
                       fmt::format("{}.{}: {} is more than a year away from the program year {}; a typo in the year?",
                                   ctx, key, (*d)->str(), context_.year),
                       "far-date");
    }
    if (!s.rolling && !s.apply_from && !s.apply_to)
      diags_.warning(at(n), fmt::format("{}: no apply_from / apply_to and not rolling: the window is unknown", ctx),
                     "no-window");
    return s;
  }

  Agency agency(const YAML::Node& n, const std::string& ctx) {
    Agency a;
    if (!keys(n, ctx, DataMap::agency)) return a;
    if (n["lead"]) a.lead = scalar(n["lead"], ctx + ".lead").value_or("");
    if (n["operator"]) a.operator_name = scalar(n["operator"], ctx + ".operator").value_or("");
    if (n["phone"]) a.phone = scalar(n["phone"], ctx + ".phone").value_or("");
    if (n["regional_center"]) a.regional_center = boolean(n["regional_center"], ctx + ".regional_center").value_or(false);
    a.source = source(n, ctx);
    return a;
  }

  HowToApply apply(const YAML::Node& n, const std::string& ctx) {
    HowToApply h;
    if (!keys(n, ctx, DataMap::apply)) return h;
    if (n["where"]) h.where = text(n["where"], ctx + ".where", false);
    h.source = source(n, ctx, false);
    if (n["documents"]) {
      if (!n["documents"].IsSequence()) {
        error(n["documents"], ctx + ".documents: expected a list", "wrong-type");
        return h;
      }
      for (const auto& d : n["documents"]) {
        if (!keys(d, ctx + ".documents", DataMap::document)) continue;
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
    if (!keys(root, "program", DataMap::program)) return p;
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
  const YearContext& context_;
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
  if (!r.keys(root, "centers file", DataMap::centers_file)) return out;
  YAML::Node list = r.need(root, "centers", "centers file");
  if (!list) return out;
  if (!list.IsSequence()) {
    r.error(list, "centers: expected a list", "wrong-type");
    return out;
  }
  for (const auto& n : list) {
    if (!r.keys(n, "center", DataMap::center)) continue;
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
      diags.error(find_key_line(p.file, "id", p.id, true),
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
  if (!r.keys(root, "common.yaml", DataMap::common)) return context;
  if (YAML::Node order = root["programs"]) {
    context.order_where = r.at(order);
    if (!order.IsSequence()) r.error(order, "programs: expected the list of program ids in the announcement's order", "wrong-type");
    else
      for (const auto& id : order) {
        auto s = r.scalar(id, "programs");
        if (!s) continue;
        if (std::find(context.order.begin(), context.order.end(), *s) != context.order.end())
          r.error(id, fmt::format("programs: \"{}\" is listed twice", *s), "duplicate-id");
        else
          context.order.push_back(*s);
      }
  }
  if (auto y = r.need(root, "year", "common.yaml")) context.year = r.positive(y, "year").value_or(0);
  if (auto list = r.need(root, "announcements", "common.yaml")) {
    if (!list.IsSequence()) {
      r.error(list, "announcements: expected a list", "wrong-type");
    } else {
      for (const auto& a : list) {
        if (!r.keys(a, "announcement", DataMap::announcement)) continue;
        Announcement ann;
        if (auto f = r.need(a, "file", "announcement")) ann.file = r.scalar(f, "announcement.file").value_or("");
        if (a["title"]) ann.title = r.scalar(a["title"], "announcement.title").value_or("");
        if (a["issued"] && r.date(a["issued"], "announcement.issued")) ann.issued = a["issued"].Scalar();
        for (const Announcement& other : context.announcements)
          if (!ann.file.empty() && other.file == ann.file)
            r.error(a["file"], fmt::format("announcement \"{}\" is listed twice", ann.file), "duplicate-id");
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
    const Location id_line = find_key_line(f.string(), "id", p.id, true);
    if (f.stem().string() != p.id)
      diags.warning(id_line,
                    fmt::format("program id \"{}\" in a file named {}: name the file {}.yaml", p.id, name, p.id),
                    "file-name");
    auto [it, inserted] = ids.emplace(p.id, f.string());
    if (!inserted) {
      diags.error(id_line, fmt::format("duplicate program id \"{}\" in {} (also in {})", p.id, year, it->second),
                  "duplicate-id");
      continue;
    }
    cat.programs.push_back(std::move(p));
  }
  if (!context.order.empty()) order_programs(cat, context, diags);
  return cat;
}

void check_case_coverage(const Catalogue& cat, const std::string& cases_dir, Diagnostics& diags) {
  std::map<std::string, std::set<std::string>> statuses;  // program id → statuses its cases expect
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(cases_dir, ec)) {
    const auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
  }
  const std::string year = std::to_string(cat.year);
  for (const fs::path& f : files) {
    YAML::Node root;
    try {
      root = detail::parse_document(read_file(f.string()), f.string());
    } catch (const Error&) {
      continue;  // `sfgrant test` reports it
    }
    if (!root.IsMap() || !root["cases"] || !root["cases"].IsSequence()) continue;
    for (const auto& c : root["cases"]) {
      if (!c.IsMap() || !c["year"] || !c["year"].IsScalar() || c["year"].Scalar() != year) continue;
      const YAML::Node expect = c["expect"];
      if (!expect || !expect.IsMap()) continue;
      for (const auto& kv : expect) {
        if (!kv.first.IsScalar()) continue;
        std::set<std::string>& seen = statuses[kv.first.Scalar()];
        if (!kv.second.IsMap()) continue;
        if (kv.second["status"] && kv.second["status"].IsScalar()) seen.insert(kv.second["status"].Scalar());
        if (kv.second["tracks"] && kv.second["tracks"].IsMap())
          for (const auto& t : kv.second["tracks"])
            if (t.second.IsMap() && t.second["status"] && t.second["status"].IsScalar())
              seen.insert(t.second["status"].Scalar());
      }
    }
  }
  const std::string expected_file = (fs::path(cases_dir) / year).string();
  for (const Program& p : cat.programs) {
    const Location where = find_key_line(p.file, "id", p.id, true);
    auto it = statuses.find(p.id);
    if (it == statuses.end()) {
      diags.warning(where,
                    fmt::format("program \"{}\" has no test case: no {} case under {} expects anything of it; "
                                "add {}/{}.yaml with an eligible and an ineligible case",
                                p.id, year, cases_dir, expected_file, p.id),
                    "no-test-case");
      continue;
    }
    for (const char* status : {"eligible", "ineligible"})
      if (it->second.count(status) == 0)
        diags.warning(where,
                      fmt::format("program \"{}\" has no case where it is {}: add one to {}/{}.yaml", p.id, status,
                                  expected_file, p.id),
                      "no-test-case");
  }
}

void check_announcement_files(const Catalogue& cat, const std::string& seeds_dir, Diagnostics& diags) {
  std::vector<std::string> present;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(seeds_dir, ec))
    if (e.is_regular_file()) present.push_back(e.path().filename().string());
  const std::string common = (fs::path(cat.folder) / "common.yaml").string();
  for (const Announcement& a : cat.announcements) {
    if (a.file.empty() || std::find(present.begin(), present.end(), a.file) != present.end()) continue;
    std::string message = fmt::format("announcement \"{}\" is not a file in {}", a.file, seeds_dir);
    if (auto near = closest(a.file, present)) message += fmt::format("; did you mean \"{}\"?", *near);
    diags.error(find_key_line(common, "file", a.file, false), message, "unknown-source");
  }
}

Catalogue load_year(const std::string& programs_dir, int year) {
  Diagnostics diags;
  Catalogue cat = load_year(programs_dir, year, diags);
  diags.throw_if_errors();
  return cat;
}

}  // namespace sfgrant
