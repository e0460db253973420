#include "explain.h"

#include <fmt/format.h>

#include <algorithm>

#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

/// A value of a fact as people write it, for a literal of a comparison.
std::string literal(const FactDef& f, std::int64_t number, Lang lang) {
  if (f.type == FactType::boolean)
    return number != 0 ? (lang == Lang::ko ? "예" : "yes") : (lang == Lang::ko ? "아니오" : "no");
  if (f.type == FactType::money) return format_money(number, lang);
  if (f.vocabulary != nullptr && number >= 0 && static_cast<size_t>(number) < f.vocabulary->choices.size()) {
    return choice_word(f.vocabulary->choices[static_cast<size_t>(number)], lang);
  }
  return std::to_string(number);
}

/// The company's value; for a derived fact also what it is derived from (`아니오 (규모 중견기업)`).
std::string company_value(const FactDef& f, const Profile& profile, Lang lang) {
  if (!profile.has(f)) return lang == Lang::ko ? "미입력" : "not given";
  std::string v = describe_value(f, profile, lang);
  if (f.derived) {
    const FactDef& from = fact(f.path == "sme" ? "size" : "ksic");
    if (profile.has(from)) v += fmt::format(" ({} {})", fact_label(from, lang), describe_value(from, profile, lang));
  }
  return v;
}

CompareOp negate_op(CompareOp op) {
  switch (op) {
    case CompareOp::eq:
      return CompareOp::ne;
    case CompareOp::ne:
      return CompareOp::eq;
    case CompareOp::lt:
      return CompareOp::ge;
    case CompareOp::le:
      return CompareOp::gt;
    case CompareOp::gt:
      return CompareOp::le;
    case CompareOp::ge:
      return CompareOp::lt;
    case CompareOp::in:
      return CompareOp::not_in;
    case CompareOp::not_in:
      return CompareOp::in;
    case CompareOp::has:
      return CompareOp::lacks;
    case CompareOp::lacks:
      return CompareOp::has;
    case CompareOp::truthy:
      return CompareOp::truthy;  // handled by the caller
  }
  return op;
}

bool numeric(const FactDef& f) {
  return f.type == FactType::number || f.type == FactType::money || f.type == FactType::boolean ||
         f.type == FactType::choice;
}

/// "목표 수준 기초 < 중간1 이상 필요" / "target level basic < intermediate1 required": the label, the
/// company's value, how it relates to the required value (for comparisons of one value), and the
/// requirement. `negated` when the comparison sits under a `not`.
std::string explain_comparison(const Condition& c, const Profile& profile, Lang lang, bool negated) {
  const FactDef& f = *c.fact;
  const bool ko = lang == Lang::ko;
  const std::string label = fact_label(f, lang);
  const std::string value = company_value(f, profile, lang);
  if (c.op == CompareOp::truthy) {
    const bool want = !negated;
    return fmt::format("{} {}, {}", label, value,
                       ko ? (want ? "예 필요" : "아니오 필요") : (want ? "yes required" : "no required"));
  }
  const CompareOp op = negated ? negate_op(c.op) : c.op;
  // the required value(s)
  std::string required;
  std::optional<std::int64_t> bound;
  if (c.rhs.fact != nullptr) {
    required = fmt::format("{} {}", fact_label(*c.rhs.fact, lang), company_value(*c.rhs.fact, profile, lang));
    if (profile.has(*c.rhs.fact) && numeric(*c.rhs.fact))
      bound = c.rhs.fact->type == FactType::boolean ? (profile.get(*c.rhs.fact).flag ? 1 : 0)
                                                    : profile.get(*c.rhs.fact).number;
  } else if (!c.rhs.texts.empty()) {
    for (size_t i = 0; i < c.rhs.texts.size(); ++i) required += (i ? ", " : "") + c.rhs.texts[i];
  } else {
    for (size_t i = 0; i < c.rhs.numbers.size(); ++i) required += (i ? ", " : "") + literal(f, c.rhs.numbers[i], lang);
    if (c.rhs.numbers.size() == 1) bound = c.rhs.numbers.front();
  }
  // how the company's value relates to it
  std::string relation;
  const bool single = op == CompareOp::eq || op == CompareOp::ne || op == CompareOp::lt || op == CompareOp::le ||
                      op == CompareOp::gt || op == CompareOp::ge;
  if (single && bound && profile.has(f) && numeric(f) && f.type != FactType::boolean) {
    const std::int64_t a = f.type == FactType::boolean ? (profile.get(f).flag ? 1 : 0) : profile.get(f).number;
    const bool ordered = f.type != FactType::choice || (f.vocabulary != nullptr && f.vocabulary->ordered);
    const bool equality = op == CompareOp::eq || op == CompareOp::ne;
    if (a == *bound)
      relation = "=";
    else if (!ordered || equality)
      relation = "≠";
    else
      relation = a < *bound ? "<" : ">";
  }
  const std::string lhs =
      relation.empty() ? fmt::format("{} {},", label, value) : fmt::format("{} {} {}", label, value, relation);
  switch (op) {
    case CompareOp::ge:
      return fmt::format("{} {} {}", lhs, required, ko ? "이상 필요" : "required");
    case CompareOp::gt:
      return fmt::format("{} {} {}", lhs, required, ko ? "초과 필요" : "required (higher)");
    case CompareOp::le:
      return fmt::format("{} {} {}", lhs, required, ko ? "이하 필요" : "required (at most)");
    case CompareOp::lt:
      return fmt::format("{} {} {}", lhs, required, ko ? "미만 필요" : "required (lower)");
    case CompareOp::eq:
      if (c.rhs.fact != nullptr) return fmt::format("{} {}, {}", lhs, required, ko ? "같아야 함" : "must be equal");
      return fmt::format("{} {} {}", lhs, required, ko ? "필요" : "required");
    case CompareOp::ne:
      if (c.rhs.fact != nullptr) return fmt::format("{} {}, {}", lhs, required, ko ? "달라야 함" : "must differ");
      return fmt::format("{} {} {}", lhs, required, ko ? "불가" : "not allowed");
    case CompareOp::in:
      return fmt::format("{} [{}] {}", lhs, required, ko ? "중 하나 필요" : "one of them required");
    case CompareOp::not_in:
      return fmt::format("{} [{}] {}", lhs, required, ko ? "불가" : "not allowed");
    case CompareOp::has:
      return fmt::format("{} {} {}", lhs, required, ko ? "필요" : "required");
    case CompareOp::lacks:
      return fmt::format("{} {} {}", lhs, required, ko ? "없어야 함" : "must be absent");
    case CompareOp::truthy:
      break;
  }
  return lhs;
}

/// Prints a condition as a tree of comparisons, each with its own result.
void explain_condition(const Condition& c, const Profile& profile, const RenderOptions& options, bool negated,
                       std::ostream& out, const std::string& indent) {
  const Lang lang = options.lang;
  Labels l{lang};
  switch (c.kind) {
    case Condition::Kind::compare: {
      if (c.fact == nullptr) return;
      Tri t = evaluate_condition(c, profile);
      if (negated) t = tri_not(t);
      out << indent << tri_mark(t, options.color) << ' ' << explain_comparison(c, profile, lang, negated) << '\n';
      return;
    }
    case Condition::Kind::negate:
      if (!c.children.empty()) explain_condition(c.children[0], profile, options, !negated, out, indent);
      return;
    case Condition::Kind::never:  // the rule's message says why no company meets it
      out << indent << tri_mark(negated ? Tri::pass : Tri::fail, options.color) << ' '
          << l.t("어떤 기업도 해당하지 않음", "no company meets it") << '\n';
      return;
    case Condition::Kind::all:
    case Condition::Kind::any: {
      // under a `not`, all and any swap (De Morgan)
      const bool any = (c.kind == Condition::Kind::any) != negated;
      Tri t = evaluate_condition(c, profile);
      if (negated) t = tri_not(t);
      out << indent << tri_mark(t, options.color) << ' '
          << (any ? l.t("다음 중 하나:", "any of:") : l.t("다음 모두:", "all of:")) << '\n';
      for (const Condition& child : c.children)
        explain_condition(child, profile, options, negated, out, indent + "    ");
      return;
    }
  }
}

}  // namespace

void explain_rules(const std::vector<RuleResult>& rules, const Profile& profile, const RenderOptions& options,
                   std::ostream& out, const std::string& indent) {
  const Lang lang = options.lang;
  Labels l{lang};
  for (const RuleResult& rr : rules) {
    out << indent << tri_mark(rr.result, options.color) << ' ' << rr.rule->message.in(lang) << "  [" << rr.rule->id
        << "]\n";
    explain_condition(rr.rule->require, profile, options, false, out, indent + "    ");
    out << indent << "    " << l.t("근거: ", "source: ") << rr.rule->source << '\n';
  }
}

/// Every distinct failed rule message of a program: its own rules, then its tracks'.
std::vector<std::string> failed_reasons(const ProgramEvaluation& pe, Lang lang) {
  std::vector<std::string> out;
  auto add = [&](const RuleResult& rr) {
    if (rr.result != Tri::fail) return;
    const std::string& m = rr.rule->message.in(lang);
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  };
  for (const RuleResult& rr : pe.rules) add(rr);
  for (const TrackEvaluation& te : pe.tracks)
    for (const RuleResult& rr : te.rules) add(rr);
  return out;
}

std::vector<const Note*> caveats(const ProgramEvaluation& pe, const TrackEvaluation* best) {
  std::vector<const Note*> out;
  for (const Note& n : pe.program->notes)
    if (n.kind == NoteKind::caveat) out.push_back(&n);
  if (best != nullptr)
    for (const Note& n : best->track->notes)
      if (n.kind == NoteKind::caveat) out.push_back(&n);
  return out;
}

}  // namespace sfgrant
