#include "sfgrant/validate/case_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "load/profile_yaml.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/program_loader.h"
#include "load/yaml_util.h"

namespace sfgrant {
namespace fs = std::filesystem;
using detail::location_of;

std::vector<std::string> CaseRunner::collect(const std::string& path) {
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

const Catalogue* CaseRunner::catalogue(int year, Diagnostics& diags, const Location& where) {
  if (auto it = catalogues_.find(year); it != catalogues_.end()) return &it->second;
  if (failed_years_[year]) return nullptr;
  Diagnostics load;
  Catalogue cat = load_year(options_.programs_dir, year, load);
  if (load.has_errors()) {
    failed_years_[year] = true;
    for (const auto& d : load.items())
      if (d.severity == Severity::error) diags.add(d);
    diags.error(where, fmt::format("the {} programs do not load (see above)", year), "bad-programs");
    return nullptr;
  }
  return &catalogues_.emplace(year, std::move(cat)).first->second;
}

namespace {

std::string show(Won w) { return fmt::format("{} ({})", format_korean(w), format_grouped(w)); }

/// Compares an expected amount (or null) with an actual optional amount.
void expect_amount(const YAML::Node& n, const std::string& path, const std::optional<Won>& actual,
                   std::vector<std::string>& diffs, const std::string& file, Diagnostics& diags) {
  if (n.IsNull() || (n.IsScalar() && (n.Scalar() == "null" || n.Scalar() == "~"))) {
    if (actual) diffs.push_back(fmt::format("{}: expected none, got {}", path, show(*actual)));
    return;
  }
  Won expected = 0;
  try {
    expected = parse_amount(n.Scalar());
  } catch (const Error& e) {
    diags.error(location_of(n, file), fmt::format("{}: {}", path, e.message()), "bad-amount");
    return;
  }
  if (!actual) diffs.push_back(fmt::format("{}: expected {}, got none", path, show(expected)));
  else if (*actual != expected)
    diffs.push_back(fmt::format("{}: expected {}, got {}", path, show(expected), show(*actual)));
}

void expect_status(const YAML::Node& n, const std::string& path, Status actual, std::vector<std::string>& diffs,
                   const std::string& file, Diagnostics& diags) {
  const std::string s = n.Scalar();
  if (s != "eligible" && s != "possible" && s != "ineligible") {
    diags.error(location_of(n, file), fmt::format("{}: \"{}\" is not a status; expected eligible, possible or ineligible", path, s),
                "bad-status");
    return;
  }
  if (s != status_name(actual)) diffs.push_back(fmt::format("{}: expected {}, got {}", path, s, status_name(actual)));
}

std::string failed_rules(const std::vector<RuleResult>& rules) {
  std::string out;
  for (const RuleResult& rr : rules)
    if (rr.result != Tri::pass) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", rr.rule->id, tri_name(rr.result));
  return out;
}

}  // namespace

std::vector<CaseResult> CaseRunner::run_file(const std::string& path, Diagnostics& diags) {
  std::vector<CaseResult> results;
  YAML::Node root;
  try {
    root = detail::parse_document(read_file(path), path);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return results;
  }
  if (!detail::check_map(root, path, "case file", {"cases"}, diags)) return results;
  YAML::Node cases = root["cases"];
  if (!cases || !cases.IsSequence()) {
    diags.error(location_of(root, path), "case file: expected `cases:` with a list of cases", "wrong-type");
    return results;
  }
  for (const auto& c : cases) {
    CaseResult result;
    result.where = location_of(c, path);
    if (!detail::check_map(c, path, "case", {"name", "year", "as_of", "cost", "profile", "profile_file", "expect"}, diags))
      continue;
    result.name = c["name"] ? c["name"].Scalar() : fmt::format("case at {}", result.where.str());
    if (!options_.filter.empty() && result.name.find(options_.filter) == std::string::npos) continue;
    Diagnostics local;
    const int year = c["year"] ? std::atoi(c["year"].Scalar().c_str()) : 0;
    if (year == 0) local.error(result.where, "case: \"year\" is required", "missing-key");
    EvaluateOptions eo;
    if (c["as_of"]) {
      eo.as_of = Date::parse(c["as_of"].Scalar());
      if (!eo.as_of || eo.as_of->day == 0)
        local.error(location_of(c["as_of"], path), fmt::format("as_of \"{}\" is not a date YYYY-MM-DD", c["as_of"].Scalar()),
                    "bad-date");
    }
    if (c["cost"]) {
      try {
        eo.cost = parse_amount(c["cost"].Scalar());
      } catch (const Error& e) {
        local.error(location_of(c["cost"], path), e.message(), "bad-amount");
      }
    }
    Profile profile;
    if (c["profile"]) {
      profile = detail::read_profile_node(c["profile"], path, local);
    } else if (c["profile_file"]) {
      fs::path p = fs::path(path).parent_path() / c["profile_file"].Scalar();
      try {
        YAML::Node n = detail::parse_document(read_file(p.string()), p.string());
        profile = detail::read_profile_node(n, p.string(), local);
      } catch (const Error& e) {
        local.error(e.where(), e.message(), "profile");
      }
    } else {
      local.error(result.where, "case: give `profile` or `profile_file`", "missing-key");
    }
    const Catalogue* cat = local.has_errors() || year == 0 ? nullptr : catalogue(year, diags, result.where);
    YAML::Node expect = c["expect"];
    if (!expect || !expect.IsMap()) local.error(result.where, "case: `expect` must map program ids to expectations", "missing-key");
    if (local.has_errors() || cat == nullptr) {
      for (const auto& d : local.items()) diags.add(d);
      result.differences.push_back("the case could not run (see the errors above)");
      results.push_back(result);
      continue;
    }
    derive_facts(profile, cat->industries);
    for (const auto& kv : expect) {
      const std::string pid = kv.first.Scalar();
      const Program* program = cat->find_program(pid);
      if (program == nullptr) {
        diags.error(location_of(kv.first, path), fmt::format("unknown program \"{}\" in {}", pid, year), "unknown-program");
        result.differences.push_back(fmt::format("{}: no such program", pid));
        continue;
      }
      ProgramEvaluation pe = evaluate_program(*cat, *program, profile, eo);
      const YAML::Node& pexp = kv.second;
      if (!detail::check_map(pexp, path, pid, {"status", "window", "tracks", "missing"}, diags)) continue;
      if (pexp["status"]) {
        size_t before = result.differences.size();
        expect_status(pexp["status"], pid + ".status", pe.status, result.differences, path, diags);
        if (result.differences.size() > before) {
          std::string why = failed_rules(pe.rules);
          for (const auto& te : pe.tracks) {
            std::string t = failed_rules(te.rules);
            if (!t.empty()) why += (why.empty() ? "" : "; ") + te.track->id + ": " + t;
          }
          if (!why.empty()) result.differences.back() += " (rules not passing: " + why + ")";
        }
      }
      if (pexp["window"] && pexp["window"].Scalar() != window_name(pe.window))
        result.differences.push_back(
            fmt::format("{}.window: expected {}, got {}", pid, pexp["window"].Scalar(), window_name(pe.window)));
      if (pexp["missing"]) {
        for (const auto& m : pexp["missing"]) {
          bool found = false;
          for (const FactDef* f : pe.missing) found = found || f->path == m.Scalar();
          if (!found) result.differences.push_back(fmt::format("{}.missing: expected {} among the questions", pid, m.Scalar()));
        }
      }
      if (!pexp["tracks"]) continue;
      if (!detail::check_map(pexp["tracks"], path, pid + ".tracks", [&] {
            std::vector<std::string> ids;
            for (const Track& t : program->tracks) ids.push_back(t.id);
            return ids;
          }(), diags))
        continue;
      for (const auto& tkv : pexp["tracks"]) {
        const std::string tid = tkv.first.Scalar();
        const TrackEvaluation* te = nullptr;
        for (const auto& t : pe.tracks)
          if (t.track->id == tid) te = &t;
        if (te == nullptr) continue;
        const std::string base = pid + ".tracks." + tid;
        const YAML::Node& texp = tkv.second;
        if (!detail::check_map(texp, path, base,
                               {"status", "cap", "government", "private", "company", "large_company", "full_support_cost",
                                "months", "private_in_kind_max", "company_cash_min", "years"},
                               diags))
          continue;
        if (texp["status"]) {
          size_t before = result.differences.size();
          expect_status(texp["status"], base + ".status", te->status, result.differences, path, diags);
          if (result.differences.size() > before && !failed_rules(te->rules).empty())
            result.differences.back() += " (rules not passing: " + failed_rules(te->rules) + ")";
        }
        if (texp["months"] && std::to_string(te->track->months.value_or(0)) != texp["months"].Scalar())
          result.differences.push_back(fmt::format("{}.months: expected {}, got {}", base, texp["months"].Scalar(),
                                                   te->track->months.value_or(0)));
        if (texp["cap"]) expect_amount(texp["cap"], base + ".cap", te->cap, result.differences, path, diags);
        if (texp["full_support_cost"])
          expect_amount(texp["full_support_cost"], base + ".full_support_cost", te->full_support_cost, result.differences,
                        path, diags);
        auto field = [&](const char* key, auto get) {
          if (!texp[key]) return;
          std::optional<Won> actual;
          if (te->split) actual = get(*te->split);
          expect_amount(texp[key], base + "." + key, actual, result.differences, path, diags);
        };
        field("government", [](const Split& s) { return std::optional<Won>(s.government); });
        field("private", [](const Split& s) { return std::optional<Won>(s.private_share); });
        field("company", [](const Split& s) { return std::optional<Won>(s.company); });
        field("large_company", [](const Split& s) { return s.large_company; });
        field("private_in_kind_max", [](const Split& s) { return s.private_in_kind_max; });
        field("company_cash_min", [](const Split& s) { return s.company_cash_min; });
        if (texp["years"]) {
          const YAML::Node& ys = texp["years"];
          std::vector<Won> actual;
          if (te->split)
            for (const auto& y : te->split->years) actual.push_back(y.government);
          std::vector<Won> expected;
          for (const auto& y : ys) {
            try {
              expected.push_back(parse_amount(y.Scalar()));
            } catch (const Error& e) {
              diags.error(location_of(y, path), e.message(), "bad-amount");
            }
          }
          if (expected != actual) {
            std::string a, e;
            for (Won w : actual) a += (a.empty() ? "" : ", ") + format_korean(w);
            for (Won w : expected) e += (e.empty() ? "" : ", ") + format_korean(w);
            result.differences.push_back(fmt::format("{}.years (government each year): expected [{}], got [{}]", base, e, a));
          }
        }
      }
    }
    result.passed = result.differences.empty();
    results.push_back(result);
  }
  return results;
}

}  // namespace sfgrant
