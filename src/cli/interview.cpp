// `sfgrant interview`: builds a profile by asking one question at a time on a terminal, the
// question that decides the most still-open programs first, shows the result like `check`, and
// offers to save the profile as YAML that `sfgrant check` reads.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "commands.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/load/interview_answer.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/profile_writer.h"
#include "sfgrant/render/check_table.h"
#include "sfgrant/render/interview.h"
#include "sfgrant/text/atomic_file.h"
#include "sfgrant/text/line_reader.h"
#include "sfgrant/text/table.h"

namespace sfgrant::cli {

struct InterviewOptions {
  CommonOptions common;
  std::string output;  ///< save here without asking for a file name
  bool force = false;  ///< replace an existing --output file without asking
};

namespace {

/// Exit status of an interview stopped before the end (README "interview"); a finished one exits
/// as `check` does (0 something eligible or possible, 1 nothing).
constexpr int kExitDraftSaved = 3;
constexpr int kExitStopped = 130;

/// Ctrl-C or Ctrl-D at a question: unwinds to the offer to save what was answered.
struct Stop {};

class Interview {
 public:
  Interview(const InterviewOptions& options, const Catalogue& catalogue, LineReader& reader, std::ostream& out)
      : options_(options),
        catalogue_(catalogue),
        lang_(resolve_lang(options.common)),
        reader_(reader),
        out_(out),
        output_(options.output) {
    eo_.as_of = resolve_as_of(options.common);
  }

  int run() {
    // an -o that can never be written (a folder, a device, /dev/stdout, a missing folder) is refused
    // before any question (Error: exit 2), rather than after the answers
    if (!output_.empty()) {
      const AtomicFile probe(output_);  // its temporary is removed when it goes out of scope
    }
    print_interview_banner(catalogue_, lang_, out_);
    if (!confirm_output()) return kExitStopped;
    while (true) {
      try {
        ask_all();
        break;
      } catch (const Stop&) {
        if (const int status = stop(); status >= 0) return status;
      }
    }
    const Evaluation ev = evaluate_now();
    out_ << '\n';
    render_check_table(ev, profile_, newest_year(options_.common), render_options(options_.common), out_);
    if (!save(false) && output_failed_) return kExitUsage;  // -o could not be written, nor another file
    for (const auto& pe : ev.programs)
      if (pe.status != Status::ineligible) return kExitOk;
    return kExitNone;
  }

 private:
  /// One question answered or skipped, in the order asked: going back pops the last.
  struct Step {
    const FactDef* fact = nullptr;
    std::string typed;  ///< the answer as typed, offered again for editing; empty when skipped
    bool set_city = false;
  };
  enum class Outcome { answered, skipped, back };

  Evaluation evaluate_now() {
    derive_facts(profile_, catalogue_.industries);
    return evaluate(catalogue_, profile_, eo_);
  }

  bool asked(const FactDef& f) const {
    return std::any_of(steps_.begin(), steps_.end(), [&](const Step& s) { return s.fact == &f; });
  }

  /// The programs still waiting for `f` (for `?` and the count beside the question).
  std::vector<const Program*> programs_for(const FactDef& f) {
    for (const Question& q : questions_to_ask(evaluate_now()))
      if (q.fact == &f) return q.programs;
    return {};
  }

  /// The next question: the name first, then the fact that decides the most programs still
  /// open, then the build cost when a track with money is still open.
  const FactDef* next_question() {
    static const FactDef& name = fact("name");
    if (!asked(name)) return &name;
    const Evaluation ev = evaluate_now();
    for (const Question& q : questions_to_ask(ev))
      if (!asked(*q.fact)) return q.fact;
    static const FactDef& cost = fact("plan.total_cost");
    if (!profile_.has(cost) && !asked(cost) && needs_cost(ev)) return &cost;
    return nullptr;
  }

  static bool needs_cost(const Evaluation& ev) {
    for (const ProgramEvaluation& pe : ev.programs)
      if (pe.status != Status::ineligible)
        for (const TrackEvaluation& te : pe.tracks)
          if (te.track->has_money()) return true;
    return false;
  }

  void ask_all() {
    const FactDef* again = nullptr;  // after going back: the question to ask again, pre-filled
    std::string prefill;
    while (true) {
      const FactDef* f = again != nullptr ? again : next_question();
      again = nullptr;
      if (f == nullptr) {
        if (offer_revisit()) continue;
        return;
      }
      if (ask(*f, prefill) != Outcome::back) {
        prefill.clear();
        continue;
      }
      if (steps_.empty()) {  // `<` on the first question: ask it again
        out_ << "  " << interview_line(InterviewLine::first_question, lang_) << '\n';
        again = f;
        prefill.clear();
        continue;
      }
      const Step previous = steps_.back();
      steps_.pop_back();
      profile_.clear(*previous.fact);
      if (previous.set_city) profile_.clear(fact("city"));
      again = previous.fact;
      prefill = previous.typed;
    }
  }

  /// Once, when the questions run out: the skipped ones that still decide programs.
  bool offer_revisit() {
    if (revisit_offered_) return false;
    revisit_offered_ = true;
    std::set<const FactDef*> skipped;
    std::set<const Program*> programs;
    for (const Question& q : questions_to_ask(evaluate_now())) {
      for (const Step& s : steps_)
        if (s.fact == q.fact && s.typed.empty()) {
          skipped.insert(q.fact);
          programs.insert(q.programs.begin(), q.programs.end());
        }
    }
    if (skipped.empty()) return false;
    out_ << '\n';
    const LineRead r = read(revisit_prompt(skipped.size(), programs.size(), lang_), {});
    if (read_yes_no(r.text) != std::optional<bool>(true)) return false;
    steps_.erase(std::remove_if(steps_.begin(), steps_.end(), [&](const Step& s) { return skipped.count(s.fact) > 0; }),
                 steps_.end());
    return true;
  }

  /// What was written so far is shown before the prompt (the reader writes to the terminal itself).
  LineRead get_line(const std::string& prompt, const std::string& prefill = {}) {
    out_ << std::flush;
    return reader_.read(prompt, prefill);
  }

  /// Reads a line; Ctrl-C and Ctrl-D stop the interview (Stop), ↑ on an empty line is `<`.
  LineRead read(const std::string& prompt, const std::string& prefill) {
    LineRead r = get_line(prompt, prefill);
    if (r.event == LineRead::Event::interrupt || r.event == LineRead::Event::end) throw Stop{};
    if (r.event == LineRead::Event::back) r.text = "<";
    return r;
  }

  Outcome ask(const FactDef& f, std::string prefill) {
    static const FactDef& name = fact("name");
    static const FactDef& ksic = fact("ksic");
    const std::vector<const Program*> programs = programs_for(f);
    print_question(f, static_cast<int>(steps_.size()) + 1, programs.size(), lang_, out_);
    const std::string prompt = answer_prompt(f, lang_);
    while (true) {
      const std::string typed = read(prompt, prefill).text;
      prefill.clear();
      Answer answer = read_answer(f, typed);
      switch (answer.kind) {
        case Answer::Kind::back:
          return Outcome::back;
        case Answer::Kind::help:
          print_question_help(f, programs, lang_, out_);
          continue;
        case Answer::Kind::skip:
          if (&f == &name) {
            out_ << "  " << interview_line(InterviewLine::needed, lang_) << '\n';
            continue;
          }
          steps_.push_back({&f, {}, false});
          return Outcome::skipped;
        case Answer::Kind::choose:
          if (!choose_place(typed, answer)) continue;
          break;
        case Answer::Kind::value:
          break;
      }
      try {
        store_answer(profile_, f, answer);
      } catch (const Error& e) {
        out_ << "  ✘ " << answer_problem(f, typed, e.message(), lang_) << '\n';
        prefill = typed;  // offered again to correct
        continue;
      }
      steps_.push_back({&f, typed, answer.places.size() == 1});
      if (answer.places.size() == 1) out_ << place_echo(answer.places.front(), lang_) << '\n';
      if (&f == &ksic) {
        derive_facts(profile_, catalogue_.industries);
        out_ << ksic_echo(profile_, lang_) << '\n';
      }
      return Outcome::answered;
    }
  }

  /// 고성 → 1) 강원 고성군 2) 경남 고성군: the one chosen becomes the answer.
  bool choose_place(const std::string& typed, Answer& answer) {
    print_place_choices(typed, answer.places, lang_, out_);
    const std::string pick = read(interview_line(InterviewLine::choose_place, lang_), {}).text;
    for (size_t i = 0; i < answer.places.size(); ++i) {
      if (pick == std::to_string(i + 1)) {
        const Place place = answer.places[i];
        answer = {Answer::Kind::value, {std::string(place.region)}, {place}};
        return true;
      }
    }
    return false;
  }

  /// -o onto an existing file: replace it only when told so (or --force); else a name is asked at the end.
  bool confirm_output() {
    if (output_.empty()) return true;
    std::error_code ec;
    if (options_.force || !std::filesystem::exists(output_, ec)) return true;
    try {
      const LineRead r = read(overwrite_prompt(output_, lang_), {});
      if (read_yes_no(r.text) != std::optional<bool>(true)) output_.clear();
    } catch (const Stop&) {
      out_ << interview_line(InterviewLine::not_saved, lang_) << '\n';
      return false;
    }
    return true;
  }

  /// After Ctrl-C or Ctrl-D: save the answers so far, quit, or go on (-1).
  int stop() {
    while (true) {
      LineRead r = get_line(interview_line(InterviewLine::stop_prompt, lang_));
      if (r.event == LineRead::Event::back) continue;  // ↑ here is no answer: ask again
      const std::string& t = r.text;
      if (r.event != LineRead::Event::line || t == "2" || t == "q" || t == "quit" || t == "끝") {
        out_ << interview_line(InterviewLine::not_saved, lang_) << '\n';
        return kExitStopped;
      }
      if (t == "1" || t == "s" || t == "save" || t == "저장") {
        if (!profile_.has(fact("name"))) {
          out_ << interview_line(InterviewLine::nothing_to_save, lang_) << '\n';
          return kExitStopped;
        }
        if (save(true)) return kExitDraftSaved;
        out_ << interview_line(InterviewLine::not_saved, lang_) << '\n';
        return kExitStopped;
      }
      if (t.empty() || t == "3" || t == "c" || t == "계속") return -1;
      out_ << "  " << interview_line(InterviewLine::stop_choice, lang_) << '\n';
    }
  }

  /// Saves the profile (a draft: what was answered so far); false when the user chose not to.
  bool save(bool draft) {
    std::string path = output_;
    while (true) {
      if (path.empty()) {
        out_ << '\n';
        const LineRead r = get_line(interview_line(InterviewLine::save_as, lang_));
        if (r.event == LineRead::Event::back) continue;  // ↑ here is no answer: ask again
        if (r.event != LineRead::Event::line || r.text.empty()) return false;
        path = r.text;
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) {
          const LineRead yes = get_line(overwrite_prompt(path, lang_));
          if (yes.event != LineRead::Event::line || read_yes_no(yes.text) != std::optional<bool>(true)) {
            path.clear();
            continue;
          }
        }
      }
      const std::string date = eo_.as_of ? eo_.as_of->str() : std::string();
      const std::string text =
          (draft
               ? fmt::format("# sfgrant interview draft, {}: stopped before the end, unanswered facts left out\n", date)
               : fmt::format("# sfgrant interview, {}\n", date)) +
          profile_yaml(profile_);
      // never truncate the old profile first: a full disk must leave it whole (README "Reliability")
      try {
        write_file_atomically(path, text);
      } catch (const Error& e) {
        out_ << "  ✘ " << path << ": " << interview_line(InterviewLine::cannot_write, lang_) << " (" << e.message()
             << ")\n";
        // the answers are not lost with the file: another name is asked for
        output_failed_ = output_failed_ || (!options_.output.empty() && path == options_.output);
        path.clear();
        continue;
      }
      (void)load_profile(text, path);  // what was saved must load: a failure here is a bug, reported as one
      out_ << interview_line(draft ? InterviewLine::draft_saved : InterviewLine::saved, lang_) << path
           << "  ·  sfgrant check " << path << '\n';
      return true;
    }
  }

  const InterviewOptions& options_;
  const Catalogue& catalogue_;
  Lang lang_;
  LineReader& reader_;
  std::ostream& out_;
  std::string output_;
  EvaluateOptions eo_;
  Profile profile_;
  std::vector<Step> steps_;
  bool revisit_offered_ = false;
  bool output_failed_ = false;  ///< the -o file could not be written
};

int run_interview(const InterviewOptions& options) {
  if (isatty(STDIN_FILENO) == 0)
    throw Error(interview_line(InterviewLine::needs_terminal, resolve_lang(options.common)));
  const Catalogue catalogue = load_catalogue(options.common);
  // libedit on the terminal; plain lines when no UTF-8 locale can be had for it
  std::unique_ptr<LineReader> reader = make_terminal_line_reader();
  if (!reader) reader = make_stream_line_reader(std::cin, std::cout);
  Interview interview(options, catalogue, *reader, std::cout);
  return interview.run();
}

}  // namespace

Runner setup_interview(CLI::App& app) {
  auto options = std::make_shared<InterviewOptions>();
  CLI::App* sub = app.add_subcommand(
      "interview", "ask for a company profile one question at a time on a terminal, show the result, save the YAML");
  add_common(*sub, options->common, false);
  add_no_cache_option(*sub, options->common);
  sub->add_option("-o,--output", options->output,
                  "save the profile to FILE without asking for a name (replaced atomically; an existing FILE is "
                  "replaced only after asking, or with --force)");
  sub->add_flag("--force", options->force, "replace an existing --output file without asking");
  sub->footer(
      "Keys (on a terminal, line editing by libedit):\n"
      "  Enter, 모름 or skip  leave the fact unknown (the end offers the skipped ones that still decide programs)\n"
      "  ?                    what the question decides (the programs waiting for it) and how to answer\n"
      "  < or Up              back to the previous question, its answer ready to edit (Up: on an empty or\n"
      "                       unchanged line)\n"
      "  Left/Right, Ctrl-A/E, Backspace, Ctrl-U   edit the line (Hangul too)\n"
      "  Up/Down on a typed line   earlier answers\n"
      "  Ctrl-C or Ctrl-D     stop: save the answers so far as a draft `check` reads, quit, or go on\n"
      "Answers: yes/no as 예 네 ㅇ Y O ○ / 아니오 아니요 ㄴ N X ×; a choice by its number, Korean label or English\n"
      "word; a region by 시·도 or 시·군·구 (창원 → 경남 창원시; 고성 asks 강원 or 경남). A refused answer is\n"
      "offered again to correct.\n"
      "Exit status: 0 finished, a program eligible or possible; 1 finished, none; 2 bad usage, no terminal or\n"
      "the -o file cannot be written (another name is asked first: nothing is lost with it); 3 stopped early,\n"
      "draft saved; 130 stopped early, nothing saved.");
  return [options] { return run_interview(*options); };
}

}  // namespace sfgrant::cli
