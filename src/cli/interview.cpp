// `sfgrant interview`: builds a profile by asking one question at a time on a terminal, the
// question that decides the most still-open programs first, shows the result like `check`, and
// offers to save the profile as YAML that `sfgrant check` reads.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <set>

#include "commands.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/profile_writer.h"
#include "sfgrant/render/check_table.h"
#include "sfgrant/render/interview.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/table.h"

namespace sfgrant::cli {

struct InterviewOptions {
  CommonOptions common;
  std::string output;  ///< save here without asking for a file name
};

namespace {

/// End of input (Ctrl-D) in the middle of the interview.
struct Cancelled {};

class Interview {
 public:
  Interview(const InterviewOptions& options, const Catalogue& catalogue, std::istream& in, std::ostream& out)
      : options_(options), catalogue_(catalogue), lang_(resolve_lang(options.common)), in_(in), out_(out) {
    eo_.as_of = resolve_as_of(options.common);
  }

  int run() {
    print_interview_banner(catalogue_, lang_, out_);
    ask(fact("name"), 0, true);
    // the question that decides the most programs still open, until none is left
    while (const Question* q = next_question()) ask(*q->fact, q->programs.size(), false);
    Evaluation ev = evaluate_now();
    const FactDef& cost = fact("plan.total_cost");
    if (!profile_.has(cost) && asked_.count(&cost) == 0 && needs_cost(ev)) {
      ask(cost, 0, false);
      ev = evaluate_now();
    }

    out_ << '\n';
    render_check_table(ev, profile_, newest_year(options_.common), render_options(options_.common), out_);
    save();
    for (const auto& pe : ev.programs)
      if (pe.status != Status::ineligible) return kExitOk;
    return kExitNone;
  }

 private:
  Evaluation evaluate_now() {
    derive_facts(profile_, catalogue_.industries);
    return evaluate(catalogue_, profile_, eo_);
  }

  /// Keeps the result alive for the caller of next_question().
  const Question* next_question() {
    const Evaluation ev = evaluate_now();
    questions_ = questions_to_ask(ev);
    for (const Question& q : questions_)
      if (asked_.count(q.fact) == 0) return &q;
    return nullptr;
  }

  static bool needs_cost(const Evaluation& ev) {
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status != Status::ineligible)
        for (const TrackEvaluation& te : pe.tracks)
          if (te.track->has_money()) return true;
    return false;
  }

  std::string read_line(const std::string& prompt) {
    out_ << prompt << std::flush;
    std::string line;
    if (!std::getline(in_, line)) throw Cancelled{};
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto b = line.find_first_not_of(" \t");
    const auto e = line.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : line.substr(b, e - b + 1);
  }

  /// A choice typed as its number in the list becomes its id.
  std::string resolve_number(const FactDef& f, const std::string& word) const {
    if (f.vocabulary == nullptr || word.empty() || word.size() > 3) return word;
    for (char c : word)
      if (c < '0' || c > '9') return word;
    const size_t n = std::stoul(word);
    if (n >= 1 && n <= f.vocabulary->choices.size()) return f.vocabulary->choices[n - 1].id;
    return word;
  }

  void assign(const FactDef& f, const std::string& answer) {
    const Location where;
    if (f.type == FactType::list || f.type == FactType::money_list) {
      std::vector<std::string> items;
      const bool none = answer == "없음" || answer == "none" || answer == "-" || answer == "[]";
      if (!none) {
        std::string item;
        for (char c : answer + ",") {
          if (c == ',' || (c == ' ' && f.type == FactType::list)) {
            if (!item.empty()) items.push_back(resolve_number(f, item));
            item.clear();
          } else {
            item += c;
          }
        }
      }
      assign_list(profile_, f, items, {where});
      return;
    }
    assign_fact(profile_, f, f.type == FactType::choice ? resolve_number(f, answer) : answer, where);
  }

  void ask(const FactDef& f, size_t deciding, bool required) {
    asked_.insert(&f);
    print_question(f, ++number_, deciding, lang_, out_);
    const std::string prompt = answer_prompt(f, lang_);
    while (true) {
      const std::string answer = read_line(prompt);
      if (answer.empty() || answer == "?") {
        if (!required) return;
        out_ << "  " << interview_line(InterviewLine::needed, lang_) << '\n';
        continue;
      }
      try {
        assign(f, answer);
        return;
      } catch (const Error& e) {
        out_ << "  ✘ " << e.message() << '\n';
      }
    }
  }

  void save() {
    std::string path = options_.output;
    while (true) {
      if (path.empty()) {
        out_ << '\n';
        path = read_line(interview_line(InterviewLine::save_as, lang_));
        if (path.empty()) return;
      }
      std::error_code ec;
      if (options_.output.empty() && std::filesystem::exists(path, ec)) {
        const std::string yes = read_line(overwrite_prompt(path, lang_));
        if (parse_yes_no(yes) != std::optional<bool>(true)) {
          path.clear();
          continue;
        }
      }
      const std::string text = fmt::format("# sfgrant interview, {}\n", eo_.as_of ? eo_.as_of->str() : std::string()) +
                               profile_yaml(profile_);
      // never truncate the old profile first: a full disk must leave it whole (README "Reliability")
      try {
        write_file_atomically(path, text);
      } catch (const Error& e) {
        out_ << "  ✘ " << path << ": " << interview_line(InterviewLine::cannot_write, lang_) << " (" << e.message()
             << ")\n";
        if (!options_.output.empty()) throw;
        path.clear();
        continue;
      }
      (void)load_profile(text, path);  // what was saved must load: a failure here is a bug, reported as one
      out_ << interview_line(InterviewLine::saved, lang_) << path << "  ·  sfgrant check " << path << '\n';
      return;
    }
  }

  const InterviewOptions& options_;
  const Catalogue& catalogue_;
  Lang lang_;
  std::istream& in_;
  std::ostream& out_;
  EvaluateOptions eo_;
  Profile profile_;
  std::set<const FactDef*> asked_;
  std::vector<Question> questions_;
  int number_ = 0;
};

int run_interview(const InterviewOptions& options) {
  if (isatty(STDIN_FILENO) == 0)
    throw Error(
        "interview needs a terminal: standard input is not one; to evaluate a profile from a file or a "
        "pipe, use `sfgrant check PROFILE`");
  const Catalogue catalogue = load_catalogue(options.common);
  Interview interview(options, catalogue, std::cin, std::cout);
  try {
    return interview.run();
  } catch (const Cancelled&) {
    std::cout << '\n';
    throw Error("interview stopped before the end (end of input); nothing was saved");
  }
}

}  // namespace

Runner setup_interview(CLI::App& app) {
  auto options = std::make_shared<InterviewOptions>();
  CLI::App* sub = app.add_subcommand(
      "interview", "ask for a company profile one question at a time on a terminal, show the result, save the YAML");
  add_common(*sub, options->common, false);
  sub->add_option("-o,--output", options->output,
                  "save the profile to FILE at the end without asking for a name (replaced atomically)");
  return [options] { return run_interview(*options); };
}

}  // namespace sfgrant::cli
