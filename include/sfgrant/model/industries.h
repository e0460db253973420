#pragma once
/// KSIC tables behind the derived facts (manufacturing, 뿌리업종, 주력/기타, excluded industries,
/// service business), as `programs/industries.yaml` gives them (load/industries_loader.h reads it).
#include <string>
#include <vector>

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
  /// Codes that hold an excluded industry only in part (a massage parlour among 96122 마사지업, a
  /// gambling machine among 33402 영상게임기): the company is asked what it runs or makes. Optional.
  IndustryTable entertainment_in_part;
  IndustryTable amusement_goods_in_part;
  std::string file;
};

}  // namespace sfgrant
