#include "sfgrant/load/case_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "profile_yaml.h"
#include "sfgrant/text/file.h"
#include "yaml_reader.h"

namespace sfgrant {
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kCaseKeys = {"name",  "year",    "as_of",        "cost",
                                            "costs", "profile", "profile_file", "expect"};
const std::vector<std::string> kProgramKeys = {"status", "window", "tracks", "missing"};
const std::vector<std::string> kTrackKeys = {"status",
                                             "cap",
                                             "government",
                                             "private",
                                             "company",
                                             "large_company",
                                             "full_support_cost",
                                             "months",
                                             "basis",
                                             "private_in_kind_max",
                                             "company_cash_min",
                                             "large_company_in_kind_max",
                                             "company_own_staff_max",
                                             "supplier_private_min",
                                             "local_government_max",
                                             "group_remaining",
                                             "years"};

class CaseReader : public detail::YamlReader {
 public:
  using YamlReader::YamlReader;

  std::optional<std::string> status(const YAML::Node& n, const std::string& path) {
    auto s = scalar(n, path);
    if (!s) return std::nullopt;
    if (*s != "eligible" && *s != "possible" && *s != "ineligible") {
      error(n, fmt::format("{}: \"{}\" is not a status; expected eligible, possible or ineligible", path, *s),
            "bad-status");
      return std::nullopt;
    }
    return s;
  }

  /// An amount, or `null` / `~` for none; false when it cannot be read.
  bool expected_amount(const YAML::Node& n, const std::string& path, std::optional<Won>& out) {
    if (n.IsNull() || (n.IsScalar() && (n.Scalar() == "null" || n.Scalar() == "~"))) return true;
    auto s = scalar(n, path);
    if (!s) return false;
    try {
      out = parse_amount(*s);
      return true;
    } catch (const Error& e) {
      error(n, fmt::format("{}: {}", path, e.message()), "bad-amount");
      return false;
    }
  }

  TrackExpectation track(const YAML::Node& key, const YAML::Node& n, const std::string& base) {
    TrackExpectation t;
    t.id = key.Scalar();
    t.where = at(key);
    if (!keys(n, base, kTrackKeys)) return t;
    for (const auto& kv : n) {
      const std::string k = kv.first.Scalar();
      if (k == "status") {
        t.status = status(kv.second, base + ".status");
      } else if (k == "months") {
        t.months = scalar(kv.second, base + ".months");
      } else if (k == "basis") {
        t.basis = scalar(kv.second, base + ".basis");
        if (t.basis && *t.basis != "plan" && *t.basis != "program" && *t.basis != "cap")
          error(kv.second, fmt::format("{}.basis: \"{}\": expected plan, program or cap", base, *t.basis), "bad-value");
      } else if (k == "years") {
        std::vector<Won> years;
        for (const auto& y : kv.second) {
          try {
            years.push_back(parse_amount(y.Scalar()));
          } catch (const Error& e) {
            error(y, e.message(), "bad-amount");
          }
        }
        t.years = std::move(years);
      } else if (std::find(kTrackKeys.begin(), kTrackKeys.end(), k) != kTrackKeys.end()) {
        std::optional<Won> w;
        if (expected_amount(kv.second, base + "." + k, w)) t.amounts.emplace_back(k, w);
      }
    }
    return t;
  }

  ProgramExpectation program(const YAML::Node& key, const YAML::Node& n) {
    ProgramExpectation p;
    p.id = key.Scalar();
    p.where = at(key);
    if (!keys(n, p.id, kProgramKeys)) return p;
    if (n["status"]) p.status = status(n["status"], p.id + ".status");
    if (n["window"]) p.window = scalar(n["window"], p.id + ".window");
    if (n["missing"])
      for (const auto& m : n["missing"])
        if (auto s = scalar(m, p.id + ".missing")) p.missing.push_back(*s);
    if (const YAML::Node tracks = n["tracks"]) {
      if (!tracks.IsMap()) {
        error(tracks, fmt::format("{}.tracks: expected a map, found {}", p.id, detail::describe_kind(tracks)),
              "wrong-type");
        return p;
      }
      for (const auto& kv : tracks)
        p.tracks.push_back(track(kv.first, kv.second, p.id + ".tracks." + kv.first.Scalar()));
    }
    return p;
  }

  /// Nothing when the case is not even a map.
  std::optional<TestCase> one(const YAML::Node& c) {
    TestCase tc;
    tc.where = at(c);
    if (!keys(c, "case", kCaseKeys)) return std::nullopt;
    tc.name = c["name"] ? c["name"].Scalar() : fmt::format("case at {}", tc.where.str());
    const size_t errors = diags_.error_count();
    tc.year = c["year"] ? std::atoi(c["year"].Scalar().c_str()) : 0;
    if (tc.year == 0) diags_.error(tc.where, "case: \"year\" is required", "missing-key");
    if (c["as_of"]) {
      tc.as_of = Date::parse(c["as_of"].Scalar());
      if (!tc.as_of || tc.as_of->day == 0)
        error(c["as_of"], fmt::format("as_of \"{}\" is not a date YYYY-MM-DD", c["as_of"].Scalar()), "bad-date");
    }
    if (c["cost"]) {
      try {
        tc.cost = parse_amount(c["cost"].Scalar());
      } catch (const Error& e) {
        error(c["cost"], e.message(), "bad-amount");
      }
    }
    if (c["profile"]) {
      tc.profile = detail::read_profile_node(c["profile"], file_, diags_);
    } else if (c["profile_file"]) {
      const fs::path p = fs::path(file_).parent_path() / c["profile_file"].Scalar();
      try {
        const YAML::Node n = detail::parse_document(read_file(p.string()), p.string());
        tc.profile = detail::read_profile_node(n, p.string(), diags_);
      } catch (const Error& e) {
        diags_.error(e.where(), e.message(), "profile");
      }
    } else {
      diags_.error(tc.where, "case: give `profile` or `profile_file`", "missing-key");
    }
    if (const YAML::Node costs = c["costs"]; costs && !costs.IsNull()) {
      // like --cost PROGRAM[:TRACK]=AMOUNT: a program's own cost, over the profile's plan.costs
      if (!costs.IsMap()) {
        error(costs,
              fmt::format("costs: expected a map of program or program:track to an amount, found {}",
                          detail::describe_kind(costs)),
              "wrong-type");
      } else {
        Profile given;
        for (const auto& kv : costs) {
          std::string key, amount;
          if (!detail::read_scalar(kv.first, file_, "costs", key, diags_) ||
              !detail::read_scalar(kv.second, file_, "costs." + key, amount, diags_))
            continue;
          try {
            assign_program_cost(given, key, amount, at(kv.first));
          } catch (const Error& e) {
            diags_.error(e.where(), e.message(), "bad-amount");
          }
        }
        for (const ProgramCost& pc : given.program_costs()) tc.profile.set_program_cost(pc);
      }
    }
    const YAML::Node expect = c["expect"];
    if (!expect || !expect.IsMap()) {
      diags_.error(tc.where, "case: `expect` must map program ids to expectations", "missing-key");
    }
    // a bad expectation fails the case when it runs; a bad case cannot run at all
    tc.readable = diags_.error_count() == errors;
    if (expect && expect.IsMap())
      for (const auto& kv : expect) tc.expect.push_back(program(kv.first, kv.second));
    return tc;
  }
};

}  // namespace

std::vector<TestCase> load_cases(const std::string& text, const std::string& file, Diagnostics& diags) {
  std::vector<TestCase> out;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return out;
  const YAML::Node& root = *parsed;
  CaseReader r(file, diags);
  if (!r.keys(root, "case file", {"cases"})) return out;
  const YAML::Node cases = root["cases"];
  if (!cases || !cases.IsSequence()) {
    r.error(root, "case file: expected `cases:` with a list of cases", "wrong-type");
    return out;
  }
  for (const auto& c : cases)
    if (auto tc = r.one(c)) out.push_back(std::move(*tc));
  return out;
}

std::vector<std::string> case_files(const std::string& path) {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
      const auto ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
  } else {
    out.push_back(path);
  }
  return out;
}

}  // namespace sfgrant
