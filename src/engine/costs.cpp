#include "sfgrant/engine/costs.h"

#include "sfgrant/model/suggest.h"

namespace sfgrant {

const ProgramCost* stated_cost(const Profile& profile, const Program& program, const Track& track) {
  if (profile.program_costs().empty()) return nullptr;  // the common case, in a batch of millions
  if (const ProgramCost* c = profile.program_cost(program.id + ":" + track.id)) return c;
  return profile.program_cost(program.id);
}

const ProgramCost* stated_cost(const Profile& profile, const Program& program) {
  if (profile.program_costs().empty()) return nullptr;
  return profile.program_cost(program.id);
}

std::vector<std::string> cost_keys(const Catalogue& catalogue) {
  std::vector<std::string> keys;
  for (const Program& p : catalogue.programs) {
    bool any = false;
    for (const Track& t : p.tracks)
      if (t.has_money()) {
        keys.push_back(p.id + ":" + t.id);
        any = true;
      }
    if (any) keys.push_back(p.id);
  }
  return keys;
}

std::vector<CostKeyProblem> cost_key_problems(const Catalogue& catalogue, const Profile& profile) {
  std::vector<CostKeyProblem> problems;
  if (profile.program_costs().empty()) return problems;
  const std::vector<std::string> keys = cost_keys(catalogue);
  for (const ProgramCost& c : profile.program_costs()) {
    const auto colon = c.key.find(':');
    const std::string program_id = c.key.substr(0, colon);
    const Program* program = catalogue.find_program(program_id);
    CostKeyProblem problem;
    problem.entry = &c;
    if (program == nullptr) {
      problem.code = CostKeyProblem::Code::unknown_program;
    } else if (colon != std::string::npos) {
      const Track* track = program->find_track(c.key.substr(colon + 1));
      if (track != nullptr && track->has_money()) continue;
      problem.code = track == nullptr ? CostKeyProblem::Code::unknown_track : CostKeyProblem::Code::no_money;
    } else {
      bool money = false;
      for (const Track& t : program->tracks) money = money || t.has_money();
      if (money) continue;
      problem.code = CostKeyProblem::Code::no_money;
    }
    problem.suggestion = closest(c.key, keys);
    problems.push_back(std::move(problem));
  }
  return problems;
}

}  // namespace sfgrant
