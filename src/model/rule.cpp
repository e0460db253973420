#include "sfgrant/model/rule.h"

#include <fmt/format.h>

#include "sfgrant/model/money.h"
#include "sfgrant/model/profile.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant {

std::string_view op_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::truthy:
      return "";
    case CompareOp::eq:
      return "==";
    case CompareOp::ne:
      return "!=";
    case CompareOp::lt:
      return "<";
    case CompareOp::le:
      return "<=";
    case CompareOp::gt:
      return ">";
    case CompareOp::ge:
      return ">=";
    case CompareOp::in:
      return "in";
    case CompareOp::not_in:
      return "not in";
    case CompareOp::has:
      return "has";
    case CompareOp::lacks:
      return "lacks";
  }
  return "";
}

namespace {

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t");
  size_t b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

struct Split3 {
  std::string lhs;
  CompareOp op = CompareOp::truthy;
  std::string rhs;
};

Split3 split_comparison(const std::string& text) {
  // word operators first (they need spaces around them), then symbols
  const std::pair<const char*, CompareOp> words[] = {{" not in ", CompareOp::not_in},
                                                     {" in ", CompareOp::in},
                                                     {" has ", CompareOp::has},
                                                     {" lacks ", CompareOp::lacks}};
  for (auto& [w, op] : words) {
    auto pos = text.find(w);
    if (pos != std::string::npos)
      return {trim(text.substr(0, pos)), op, trim(text.substr(pos + std::string(w).size()))};
  }
  const std::pair<const char*, CompareOp> symbols[] = {{">=", CompareOp::ge}, {"<=", CompareOp::le},
                                                       {"==", CompareOp::eq}, {"!=", CompareOp::ne},
                                                       {">", CompareOp::gt},  {"<", CompareOp::lt}};
  for (auto& [s, op] : symbols) {
    auto pos = text.find(s);
    if (pos != std::string::npos)
      return {trim(text.substr(0, pos)), op, trim(text.substr(pos + std::string(s).size()))};
  }
  return {trim(text), CompareOp::truthy, ""};
}

std::vector<std::string> split_list(const std::string& rhs, const std::string& text, const Location& where) {
  if (rhs.size() < 2 || rhs.front() != '[' || rhs.back() != ']')
    throw Error(where, fmt::format("invalid condition \"{}\": expected a list like [a, b] after in", text));
  std::vector<std::string> out;
  std::string inner = rhs.substr(1, rhs.size() - 2);
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    if (comma == std::string::npos) comma = inner.size();
    std::string item = trim(inner.substr(start, comma - start));
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  if (out.empty()) throw Error(where, fmt::format("invalid condition \"{}\": the list is empty", text));
  return out;
}

/// Converts a literal to the representation of `f` (for list facts: of one element).
void add_literal(const FactDef& f, const std::string& word, Operand& out, const std::string& text,
                 const Location& where) {
  auto fail = [&](const std::string& expected) {
    throw Error(where, fmt::format("invalid condition \"{}\": \"{}\" is not a value of {}; expected {}", text, word,
                                   f.path, expected));
  };
  switch (f.type) {
    case FactType::boolean: {
      auto b = parse_yes_no(word);
      if (!b) fail("true or false");
      out.numbers.push_back(*b ? 1 : 0);
      return;
    }
    case FactType::number: {
      if (word.empty() || word.size() > 12) fail("a whole number");
      std::int64_t n = 0;
      for (char c : word) {
        if (c < '0' || c > '9') fail("a whole number");
        n = n * 10 + (c - '0');
      }
      out.numbers.push_back(n);
      return;
    }
    case FactType::money:
    case FactType::money_list:
      try {
        out.numbers.push_back(parse_amount(word));
      } catch (const Error& e) {
        fail("an amount like 2억원");
      }
      return;
    case FactType::choice:
    case FactType::list: {
      auto idx = f.vocabulary->find(word);
      if (!idx) {
        std::vector<std::string> ids;
        for (const Choice& c : f.vocabulary->choices) ids.push_back(c.id);
        std::string expected = "one of " + f.vocabulary->describe();
        if (auto near = closest(word, ids)) expected = fmt::format("\"{}\"? ({})", *near, expected);
        fail(expected);
      }
      out.numbers.push_back(*idx);
      return;
    }
    case FactType::text:
      out.texts.push_back(word);
      return;
  }
}

const FactDef& need_fact(const std::string& name, const std::string& text, const Location& where) {
  const FactDef* f = find_fact(name);
  if (f == nullptr) {
    std::vector<std::string> names;
    for (const FactDef& d : all_facts()) names.push_back(d.path);
    std::string message = fmt::format("invalid condition \"{}\": unknown fact \"{}\"", text, name);
    if (auto near = closest(name, names)) message += fmt::format("; did you mean \"{}\"?", *near);
    throw Error(where, message);
  }
  return *f;
}

bool ordered(const FactDef& f) {
  return f.type == FactType::number || f.type == FactType::money ||
         (f.type == FactType::choice && f.vocabulary != nullptr && f.vocabulary->ordered);
}

}  // namespace

Condition parse_comparison(const std::string& text, const Location& where) {
  Condition c;
  c.kind = Condition::Kind::compare;
  c.text = text;
  c.where = where;
  Split3 parts = split_comparison(text);
  if (parts.lhs.empty()) throw Error(where, fmt::format("invalid condition \"{}\": a fact is missing", text));
  const FactDef& lhs = need_fact(parts.lhs, text, where);
  c.fact = &lhs;
  c.op = parts.op;
  if (parts.op != CompareOp::truthy && parts.rhs.empty())
    throw Error(where, fmt::format("invalid condition \"{}\": a value is missing after {}", text, op_symbol(parts.op)));
  switch (parts.op) {
    case CompareOp::truthy:
      if (lhs.type != FactType::boolean)
        throw Error(where, fmt::format("invalid condition \"{}\": {} is not a yes/no fact; compare it with a value",
                                       text, lhs.path));
      break;
    case CompareOp::in:
    case CompareOp::not_in:
      if (lhs.type == FactType::list || lhs.type == FactType::money_list)
        throw Error(where, fmt::format("invalid condition \"{}\": {} is a list; use has or lacks", text, lhs.path));
      for (const std::string& w : split_list(parts.rhs, text, where)) add_literal(lhs, w, c.rhs, text, where);
      break;
    case CompareOp::has:
    case CompareOp::lacks:
      if (lhs.type != FactType::list)
        throw Error(where, fmt::format("invalid condition \"{}\": has/lacks need a list fact like selections", text));
      if (const FactDef* other = find_fact(parts.rhs)) {
        if (other->vocabulary != lhs.vocabulary)
          throw Error(where, fmt::format("invalid condition \"{}\": {} and {} hold different kinds of values", text,
                                         lhs.path, other->path));
        c.rhs.fact = other;
      } else {
        add_literal(lhs, parts.rhs, c.rhs, text, where);
      }
      break;
    default: {
      if (lhs.type == FactType::list || lhs.type == FactType::money_list)
        throw Error(where, fmt::format("invalid condition \"{}\": {} is a list; use has or lacks", text, lhs.path));
      bool order = parts.op == CompareOp::lt || parts.op == CompareOp::le || parts.op == CompareOp::gt ||
                   parts.op == CompareOp::ge;
      if (order && !ordered(lhs))
        throw Error(where, fmt::format("invalid condition \"{}\": {} has no order; use == or in", text, lhs.path));
      if (const FactDef* other = find_fact(parts.rhs)) {
        if (other->type != lhs.type || other->vocabulary != lhs.vocabulary)
          throw Error(where, fmt::format("invalid condition \"{}\": {} and {} cannot be compared", text, lhs.path,
                                         other->path));
        c.rhs.fact = other;
      } else {
        add_literal(lhs, parts.rhs, c.rhs, text, where);
      }
    }
  }
  return c;
}

}  // namespace sfgrant
