#pragma once
/// The rules that close programs, counted over an evaluation: what a result with no open program
/// says in one line ("국세·지방세 체납 중인 기업은 지원 제외 (23개 사업 모두)").
#include <vector>

#include "sfgrant/engine/evaluate.h"

namespace sfgrant {

struct ClosingRule {
  const Rule* rule = nullptr;  ///< the first program's copy; a common rule is copied into each program
  size_t programs = 0;         ///< ineligible programs it closes
};

/// Per ineligible program, the rules that close it: its failing program-level rules, else the rules
/// that fail in every one of its tracks. The same rule (id and citation) in several programs counts
/// once per program. The rule closing the most programs comes first, then catalogue order.
std::vector<ClosingRule> closing_rules(const Evaluation& ev);

}  // namespace sfgrant
