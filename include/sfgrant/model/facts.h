#pragma once
/// The vocabulary of a company profile: every fact a rule can test, its type, its allowed values
/// with their Korean labels, and the question to ask when it is missing (SPEC §3).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/model/lang.h"

namespace sfgrant {

enum class FactType { boolean, number, money, text, choice, list, money_list };

/// One allowed value of an enumerated fact.
struct Choice {
  std::string id;     ///< the English word used in data and JSON (`intermediate1`)
  std::string label;  ///< the Korean label also accepted on input (`중간1`)
  Text meaning;       ///< what it means, for help and schema
  /// Other words accepted on input (뿌리기업 for root_company): what people write in a profile or a
  /// company list's cell. Never printed: output uses the id and the label.
  std::vector<std::string> also{};
};

/// A closed list of values. When `ordered`, the list runs from lowest to highest.
struct Vocabulary {
  std::string name;
  bool ordered = false;
  std::vector<Choice> choices;

  /// Index of the value written in English or Korean (the id, the label or one of the other words),
  /// if it is one of the choices.
  std::optional<int> find(std::string_view word) const;
  std::string describe() const;  ///< "small (소기업), medium (중기업), …"
};

struct FactDef {
  int index = 0;
  std::string path;  ///< `smart_factory.target_level`
  FactType type = FactType::text;
  const Vocabulary* vocabulary = nullptr;  ///< for choice and list facts
  bool derived = false;                    ///< computed by the engine, never typed
  Text question;                           ///< asked when the fact is missing
};

/// Every fact, in a fixed order; `index` is the position.
const std::vector<FactDef>& all_facts();
const FactDef* find_fact(std::string_view path);
const FactDef& fact(std::string_view path);  ///< for facts the engine itself needs; never fails

/// Map groups of the profile (`status`, `smart_factory`, `consortium`, `plan`).
bool is_fact_group(std::string_view path);

const Vocabulary& level_vocabulary();
const Vocabulary& size_vocabulary();
const Vocabulary& selection_vocabulary();
const Vocabulary& region_vocabulary();

}  // namespace sfgrant
