#pragma once
/// What to ask next: the unknown facts that decide the `possible` programs.
#include <vector>

#include "sfgrant/engine/evaluate.h"

namespace sfgrant {

/// An unknown fact and the `possible` programs it is missing for.
struct Question {
  const FactDef* fact = nullptr;
  std::vector<const Program*> programs;
};

/// The facts missing for the `possible` programs of `ev`, one entry a fact, those missing for the
/// most programs first (ties: the order the engine lists them, which puts the most useful first).
std::vector<Question> questions_to_ask(const Evaluation& ev);

}  // namespace sfgrant
