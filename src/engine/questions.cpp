#include "sfgrant/engine/questions.h"

#include <algorithm>

namespace sfgrant {

std::vector<Question> questions_to_ask(const Evaluation& ev) {
  std::vector<Question> out;
  for (const ProgramEvaluation& pe : ev.programs) {
    if (pe.status != Status::possible) continue;
    for (const FactDef* f : pe.missing) {
      auto it = std::find_if(out.begin(), out.end(), [&](const Question& q) { return q.fact == f; });
      if (it == out.end())
        out.push_back({f, {pe.program}});
      else if (std::find(it->programs.begin(), it->programs.end(), pe.program) == it->programs.end())
        it->programs.push_back(pe.program);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Question& a, const Question& b) { return a.programs.size() > b.programs.size(); });
  return out;
}

}  // namespace sfgrant
