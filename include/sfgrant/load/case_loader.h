#pragma once
/// YAML test cases for program data (`sfgrant test`, tests/cases/, format in programs/README.md):
/// a profile, an optional cost and date, and the expected status and amounts per program and track.
/// The loader reads and checks the file; validate/case_runner.h evaluates and compares.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sfgrant/model/date.h"
#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/money.h"
#include "sfgrant/model/profile.h"

namespace sfgrant {

/// Expected of one track: each key only when the case gives it.
struct TrackExpectation {
  std::string id;
  Location where;                     ///< of the track's key
  std::optional<std::string> status;  ///< eligible, possible or ineligible
  std::optional<std::string> months;  ///< as written
  std::optional<std::string> basis;   ///< the split's basis: plan, program or cap
  /// cap, full_support_cost, government, private, company, large_company, private_in_kind_max,
  /// company_cash_min, in the file's order; an empty amount expects none (`null`).
  std::vector<std::pair<std::string, std::optional<Won>>> amounts;
  std::optional<std::vector<Won>> years;  ///< the government share of each year
};

struct ProgramExpectation {
  std::string id;
  Location where;  ///< of the program's key
  std::optional<std::string> status;
  std::optional<std::string> window;
  std::vector<std::string> missing;  ///< facts expected among the questions
  std::vector<TrackExpectation> tracks;
};

struct TestCase {
  std::string name;
  Location where;
  int year = 0;
  std::optional<Date> as_of;
  std::optional<Won> cost;
  Profile profile;
  std::vector<ProgramExpectation> expect;
  bool readable = true;  ///< false when its own keys had errors: it cannot run
};

/// Every case of one file; problems go to `diags` with file:line:col.
std::vector<TestCase> load_cases(const std::string& text, const std::string& file, Diagnostics& diags);

/// Every `*.yaml` below `path` (or `path` itself when it is a file), sorted.
std::vector<std::string> case_files(const std::string& path);

}  // namespace sfgrant
