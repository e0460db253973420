// `sfgrant interview`: builds a profile by asking one question at a time on a terminal, the
// question that decides the most still-open programs first, shows the result like `check`, and
// offers to save the profile as YAML that `sfgrant check` reads.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "commands.h"
#include "sfgrant/engine/derive.h"
#include "sfgrant/engine/evaluate.h"
#include "sfgrant/engine/questions.h"
#include "sfgrant/load/profile_loader.h"
#include "sfgrant/load/profile_writer.h"
#include "sfgrant/render/check_table.h"
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
    const bool ko = lang_ == Lang::ko;
    out_ << (ko ? fmt::format("sfgrant interview · {}년 사업 {}개에 대해 회사 정보를 하나씩 묻습니다.\n"
                              "모르면 Enter로 건너뛰고, 그만두려면 Ctrl-D를 누르세요.\n",
                              catalogue_.year, catalogue_.programs.size())
                : fmt::format("sfgrant interview · questions about the company, one at a time, for the {} "
                              "programs of {}.\nPress Enter to skip what you don't know, Ctrl-D to stop.\n",
                              catalogue_.programs.size(), catalogue_.year));
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
    render_check_table(ev, profile_, render_options(options_.common), out_);
    save();
    for (const auto& pe : ev.programs)
      if (pe.status != Status::ineligible) return kExitOk;
    return kExitNone;
  }

 private:
  std::string t(const char* ko, const char* en) const { return lang_ == Lang::ko ? ko : en; }

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

  std::string choice_word(const Choice& c) const {
    if (c.label.empty()) return c.id;
    return lang_ == Lang::ko ? fmt::format("{} ({})", c.label, c.id) : fmt::format("{} ({})", c.id, c.label);
  }

  void print_choices(const FactDef& f) {
    const auto& choices = f.vocabulary->choices;
    const bool long_list = f.type == FactType::list && choices.size() > 6;
    std::string line = "   ";
    for (size_t i = 0; i < choices.size(); ++i) {
      const Choice& c = choices[i];
      if (long_list) {  // selections: one a line, with what each means
        out_ << fmt::format("   {:>2}) {}", i + 1, c.id);
        if (!c.meaning.empty()) out_ << " — " << c.meaning.in(lang_);
        out_ << '\n';
        continue;
      }
      const std::string item = fmt::format(" {}) {}", i + 1, choice_word(c));
      if (display_width(line + item) > 76) {
        out_ << line << '\n';
        line = "   ";
      }
      line += item;
    }
    if (!long_list) out_ << line << '\n';
  }

  std::string hint(const FactDef& f) const {
    switch (f.type) {
      case FactType::boolean: return t("예/아니오", "yes/no");
      case FactType::money: return t("예: 4억원, 2억 5천만원, 95,000,000", "e.g. 4억원, 2억 5천만원, 400,000,000");
      case FactType::number: return t("숫자", "a number");
      case FactType::choice: return t("번호 또는 이름", "number or name");
      case FactType::list: return t("번호나 이름을 쉼표로, 없으면 '없음'", "numbers or names separated by commas, or 'none'");
      case FactType::money_list: return t("금액을 쉼표로", "amounts separated by commas");
      case FactType::text:
        if (f.path == "ksic") return t("예: 29294, C29294", "e.g. 29294, C29294");
        if (f.path == "business_number") return t("예: 305-86-12346", "e.g. 305-86-12346");
        return {};
    }
    return {};
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
    ++number_;
    out_ << '\n' << fmt::format("[{}] {}  [{}]", number_, f.question.in(lang_), f.path);
    if (deciding > 0)
      out_ << (lang_ == Lang::ko ? fmt::format(" · {}개 사업에 필요", deciding)
                                 : fmt::format(" · decides {} program{}", deciding, deciding == 1 ? "" : "s"));
    out_ << '\n';
    if (f.vocabulary != nullptr) print_choices(f);
    const std::string h = hint(f);
    const std::string prompt = h.empty() ? "> " : fmt::format("({}) > ", h);
    while (true) {
      const std::string answer = read_line(prompt);
      if (answer.empty() || answer == "?") {
        if (!required) return;
        out_ << "  " << t("꼭 필요합니다.\n", "This one is needed.\n");
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
        path = read_line(t("프로필을 YAML로 저장할 파일 이름 (Enter: 저장 안 함) > ",
                           "File to save the profile YAML to (Enter: don't save) > "));
        if (path.empty()) return;
      }
      std::error_code ec;
      if (options_.output.empty() && std::filesystem::exists(path, ec)) {
        const std::string yes = read_line(fmt::format("{} {} ({}) > ", path, t("파일이 있습니다. 덮어쓸까요?", "exists. Overwrite?"),
                                                      t("예/아니오", "yes/no")));
        if (parse_yes_no(yes) != std::optional<bool>(true)) {
          path.clear();
          continue;
        }
      }
      const std::string text = fmt::format("# sfgrant interview, {}\n", eo_.as_of ? eo_.as_of->str() : std::string()) +
                               profile_yaml(profile_);
      std::ofstream file(path, std::ios::binary | std::ios::trunc);
      file << text;
      file.close();
      if (!file) {
        out_ << "  ✘ " << fmt::format("{}: {}", path, t("쓸 수 없습니다", "cannot write")) << '\n';
        if (!options_.output.empty()) throw Error(Location{path}, "cannot write the profile");
        path.clear();
        continue;
      }
      (void)load_profile(text, path);  // what was saved must load: a failure here is a bug, reported as one
      out_ << t("저장했습니다: ", "Saved: ") << path << "  ·  sfgrant check " << path << '\n';
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
    throw Error("interview needs a terminal: standard input is not one; to evaluate a profile from a file or a "
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
  sub->add_option("-o,--output", options->output, "save the profile to FILE at the end without asking for a name");
  return [options] { return run_interview(*options); };
}

}  // namespace sfgrant::cli
