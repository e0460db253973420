#include "sfgrant/validate/case_runner.h"

#include <fmt/format.h>

#include "sfgrant/engine/costs.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/suggest.h"
#include "sfgrant/text/file.h"

namespace sfgrant {

const Catalogue* CaseRunner::catalogue(int year) {
  if (auto it = catalogues_.find(year); it != catalogues_.end()) return &it->second;
  if (failed_years_[year]) return nullptr;
  Diagnostics load;
  Catalogue cat = load_year(options_.programs_dir, year, load);
  if (load.has_errors()) {
    failed_years_[year] = true;
    for (const auto& d : load.items())
      if (d.severity == Severity::error) program_problems_.add(d);
    for (const auto& [file, o] : load.omitted()) program_problems_.add_omitted(file, Omitted{o.errors, 0});
    return nullptr;
  }
  return &catalogues_.emplace(year, std::move(cat)).first->second;
}

namespace {

std::string show(Won w) { return fmt::format("{} ({})", format_korean(w), format_grouped(w)); }

void expect_amount(const std::string& path, const std::optional<Won>& expected, const std::optional<Won>& actual,
                   std::vector<std::string>& diffs) {
  if (!expected) {
    if (actual) diffs.push_back(fmt::format("{}: expected none, got {}", path, show(*actual)));
  } else if (!actual) {
    diffs.push_back(fmt::format("{}: expected {}, got none", path, show(*expected)));
  } else if (*actual != *expected) {
    diffs.push_back(fmt::format("{}: expected {}, got {}", path, show(*expected), show(*actual)));
  }
}

/// Compares a status; on a difference, says which rules did not pass.
void expect_status(const std::string& path, const std::string& expected, Status actual, const std::string& why,
                   std::vector<std::string>& diffs) {
  if (expected == status_name(actual)) return;
  diffs.push_back(fmt::format("{}: expected {}, got {}", path, expected, status_name(actual)));
  if (!why.empty()) diffs.back() += " (rules not passing: " + why + ")";
}

std::string failed_rules(const std::vector<RuleResult>& rules) {
  std::string out;
  for (const RuleResult& rr : rules)
    if (rr.result != Tri::pass)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", rr.rule->id, tri_name(rr.result));
  return out;
}

/// The actual value of an amount a case may expect of a track.
std::optional<Won> actual_amount(const TrackEvaluation& te, const std::string& key) {
  if (key == "cap") return te.cap;
  if (key == "full_support_cost") return te.full_support_cost;
  if (!te.split) return std::nullopt;
  const Split& s = *te.split;
  if (key == "government") return s.government;
  if (key == "private") return s.private_share;
  if (key == "company") return s.company;
  if (key == "large_company") return s.large_company;
  if (key == "private_in_kind_max") return s.private_in_kind_max;
  if (key == "company_cash_min") return s.company_cash_min;
  if (key == "large_company_in_kind_max") return s.large_company_in_kind_max;
  if (key == "company_own_staff_max") return s.company_own_staff_max;
  if (key == "supplier_private_min") return s.supplier_private_min;
  if (key == "local_government_max") return s.local_government_max;
  if (key == "group_remaining") return s.group ? s.group->remaining : std::nullopt;
  return std::nullopt;
}

void compare_track(const TrackExpectation& t, const TrackEvaluation& te, const std::string& base,
                   std::vector<std::string>& diffs) {
  if (t.status) expect_status(base + ".status", *t.status, te.status, failed_rules(te.rules), diffs);
  if (t.months && std::to_string(te.track->months.value_or(0)) != *t.months)
    diffs.push_back(fmt::format("{}.months: expected {}, got {}", base, *t.months, te.track->months.value_or(0)));
  if (t.basis && (!te.split || split_basis_name(te.split->basis) != *t.basis))
    diffs.push_back(fmt::format("{}.basis: expected {}, got {}", base, *t.basis,
                                te.split ? split_basis_name(te.split->basis) : "no split"));
  for (const auto& [key, expected] : t.amounts)
    expect_amount(base + "." + key, expected, actual_amount(te, key), diffs);
  if (t.years) {
    std::vector<Won> actual;
    if (te.split)
      for (const auto& y : te.split->years) actual.push_back(y.government);
    if (*t.years != actual) {
      std::string a, e;
      for (Won w : actual) a += (a.empty() ? "" : ", ") + format_korean(w);
      for (Won w : *t.years) e += (e.empty() ? "" : ", ") + format_korean(w);
      diffs.push_back(fmt::format("{}.years (government each year): expected [{}], got [{}]", base, e, a));
    }
  }
}

void compare_program(const ProgramExpectation& p, const ProgramEvaluation& pe, std::vector<std::string>& diffs,
                     Diagnostics& diags) {
  if (p.status) {
    std::string why = failed_rules(pe.rules);
    for (const auto& te : pe.tracks) {
      std::string t = failed_rules(te.rules);
      if (!t.empty()) why += (why.empty() ? "" : "; ") + te.track->id + ": " + t;
    }
    expect_status(p.id + ".status", *p.status, pe.status, why, diffs);
  }
  if (p.window && *p.window != window_name(pe.window))
    diffs.push_back(fmt::format("{}.window: expected {}, got {}", p.id, *p.window, window_name(pe.window)));
  for (const std::string& m : p.missing) {
    bool found = false;
    for (const FactDef* f : pe.missing) found = found || f->path == m;
    if (!found) diffs.push_back(fmt::format("{}.missing: expected {} among the questions", p.id, m));
  }
  std::vector<std::string> ids;
  for (const TrackEvaluation& te : pe.tracks) ids.push_back(te.track->id);
  for (const TrackExpectation& t : p.tracks) {
    const TrackEvaluation* te = nullptr;
    for (const TrackEvaluation& x : pe.tracks)
      if (x.track->id == t.id) te = &x;
    if (te == nullptr) {
      std::string message = fmt::format("unknown key \"{}\" in {}.tracks", t.id, p.id);
      if (auto near = closest(t.id, ids))
        message += fmt::format("; did you mean \"{}\"?", *near);
      else
        message += fmt::format("; expected one of {}", fmt::join(ids, ", "));
      diags.error(t.where, message, "unknown-key");
      continue;
    }
    compare_track(t, *te, p.id + ".tracks." + t.id, diffs);
  }
}

}  // namespace

CaseResult CaseRunner::run(const TestCase& c, Diagnostics& diags) {
  CaseResult result;
  result.name = c.name;
  result.where = c.where;
  if (!c.readable || c.year == 0) {
    result.differences.push_back("the case could not run (see the errors above)");
    return result;
  }
  const Catalogue* cat = catalogue(c.year);
  if (cat == nullptr) {
    result.not_run_year = c.year;
    return result;
  }
  Profile profile = c.profile;
  if (c.cost) apply_cost(profile, *c.cost);
  if (const auto problems = cost_key_problems(*cat, profile); !problems.empty()) {
    for (const CostKeyProblem& p : problems)
      diags.error(p.entry->where,
                  fmt::format("plan.costs: \"{}\" names no program or track with money in {}{}", p.entry->key, c.year,
                              p.suggestion ? fmt::format("; did you mean \"{}\"?", *p.suggestion) : std::string()),
                  "unknown-program");
    result.differences.push_back("the case could not run (see the errors above)");
    return result;
  }
  derive_facts(profile, cat->industries);
  EvaluateOptions eo;
  eo.as_of = c.as_of;
  eo.cost = c.cost;
  for (const ProgramExpectation& p : c.expect) {
    const Program* program = cat->find_program(p.id);
    if (program == nullptr) {
      diags.error(p.where, fmt::format("unknown program \"{}\" in {}", p.id, c.year), "unknown-program");
      result.differences.push_back(fmt::format("{}: no such program", p.id));
      continue;
    }
    compare_program(p, evaluate_program(*cat, *program, profile, eo), result.differences, diags);
  }
  result.passed = result.differences.empty();
  return result;
}

std::vector<CaseResult> CaseRunner::run_file(const std::string& path, Diagnostics& diags) {
  std::vector<CaseResult> results;
  std::string text;
  try {
    text = read_file(path);
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "syntax");
    return results;
  }
  for (const TestCase& c : load_cases(text, path, diags))
    if (options_.filter.empty() || c.name.find(options_.filter) != std::string::npos) results.push_back(run(c, diags));
  return results;
}

}  // namespace sfgrant
