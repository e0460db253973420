#pragma once
/// KSIC tables behind the derived facts (manufacturing, 뿌리업종, 주력/기타, excluded industries,
/// service business), read from `programs/industries.yaml`.
#include <string>
#include <vector>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/tri.h"

namespace sfgrant {

/// A list of KSIC codes matched by prefix, with the clause it comes from.
struct IndustryTable {
  std::string source;
  std::vector<std::string> codes;  ///< digits only; ranges already expanded
  std::vector<std::string> notes;

  /// pass when a code of the table is a prefix of `ksic`; unknown when `ksic` is a prefix of a
  /// code (the table needs more digits to decide); fail otherwise.
  Tri match(const std::string& ksic) const;

  /// Sorts a copy of the codes so match() searches instead of scanning (done by the loader;
  /// without it match() scans `codes`).
  void index();

 private:
  std::vector<std::string> sorted_;
};

struct IndustryTables {
  IndustryTable manufacturing;
  IndustryTable root_industry;
  IndustryTable main_group;
  IndustryTable other_group;
  IndustryTable excluded_industry;
  IndustryTable service_business;
  std::string file;
};

IndustryTables load_industries(const std::string& text, const std::string& file, Diagnostics& diags);

/// Sets the derived facts of `profile` (sme, manufacturing, root_industry, industry_group,
/// excluded_industry, service_business) from its size and KSIC code; leaves a fact unknown
/// when its inputs are.
void derive_facts(Profile& profile, const IndustryTables& tables);

}  // namespace sfgrant
