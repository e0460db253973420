#pragma once
/// The names a company list's columns may have (SPEC §8): a profile path (`smart_factory.target_level`)
/// or one of the Korean names people give that field in Excel (목표수준). The table in
/// column_names.cpp is the only list of them: the CSV reader, `sfgrant schema profile` and the
/// README's table (checked by a test) all come from it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/model/facts.h"

namespace sfgrant {

/// One profile field and the Korean headers that name it.
struct ColumnNames {
  std::string_view path;                 ///< the profile path (`plan.total_cost`)
  std::vector<std::string_view> korean;  ///< 총사업비, 사업비
};

/// Every field a profile may give, in the fact registry's order, with its Korean headers.
const std::vector<ColumnNames>& column_names();

/// What two headers are compared by: NFC, ASCII letters lowercased, and spaces (also full-width
/// and no-break ones) and the separators people type (`_` `.` `-` `·` `ㆍ` `・`) removed. So
/// `Smart Factory.Target Level`, `smart_factory.target_level` and `목표 수준` match as expected.
std::string column_key(std::string_view header);

/// The field a header names, or null when it names none (derived facts are no columns).
const FactDef* column_field(std::string_view header);

/// The written name closest to an unknown header (a path or a Korean name), for "did you mean".
std::optional<std::string> closest_column_name(std::string_view header);

}  // namespace sfgrant
