#pragma once
/// Rules as data: a condition tree of comparisons over profile facts, combined with all / any /
/// not, each rule with its message and citation (SPEC §6).
#include <memory>
#include <string>
#include <vector>

#include "sfgrant/model/error.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/lang.h"

namespace sfgrant {

enum class CompareOp { truthy, eq, ne, lt, le, gt, ge, in, not_in, has, lacks };

/// The right-hand side of a comparison: another fact, or literal values already converted to the
/// fact's representation (choice index, number, won, 0/1, or text).
struct Operand {
  const FactDef* fact = nullptr;
  std::vector<std::int64_t> numbers;
  std::vector<std::string> texts;
};

struct Condition {
  enum class Kind { all, any, negate, compare, never };  ///< never: a condition no company meets
  Kind kind = Kind::compare;
  std::vector<Condition> children;  ///< for all / any / negate (one child)

  const FactDef* fact = nullptr;  ///< for compare
  CompareOp op = CompareOp::truthy;
  Operand rhs;
  std::string text;  ///< the comparison as written, for explanations
  Location where;
};

struct Rule {
  std::string id;
  Condition require;
  Text message;
  std::string source;
  Location where;
};

/// Parses one comparison as written in the data (`smart_factory.target_level >= intermediate1`).
/// Throws Error at `where` naming the text and what was expected.
Condition parse_comparison(const std::string& text, const Location& where);

std::string_view op_symbol(CompareOp op);

}  // namespace sfgrant
