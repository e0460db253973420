// `programs diff` as a table (terminal) or Markdown (a pull-request comment): the same sections and
// rows, two ways of printing them. JSON is catalogue_diff_json.cpp.
#include "sfgrant/render/catalogue_diff.h"

#include <fmt/format.h>

#include "diff_parts.h"
#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

using Row = std::vector<std::string>;

/// A heading and a table under it, printed for a terminal or as Markdown.
class Printer {
 public:
  Printer(const RenderOptions& options, Format format, std::ostream& out)
      : options_(options), markdown_(format == Format::markdown), out_(out) {}

  void title(const std::string& text) {
    out_ << (markdown_ ? "## " + text : paint(text, Color::bold, options_.color)) << "\n\n";
  }
  void heading(const std::string& text) {
    out_ << (markdown_ ? "### " + text : paint("■ " + text, Color::bold, options_.color)) << "\n\n";
  }
  void line(const std::string& text) { out_ << text << "\n\n"; }

  void table(const Row& headers, const std::vector<Row>& rows) {
    if (markdown_) {
      markdown_row(headers);
      out_ << '|';
      for (size_t i = 0; i < headers.size(); ++i) out_ << "---|";
      out_ << '\n';
      for (const Row& r : rows) markdown_row(r);
    } else {
      Table t(headers);
      for (const Row& r : rows) t.add_row(r);
      print_table(t, options_, out_);
    }
    out_ << '\n';
  }

 private:
  void markdown_row(const Row& cells) {
    out_ << '|';
    for (const std::string& c : cells) {
      std::string escaped;
      for (const char ch : c) {
        if (ch == '|')
          escaped += "\\|";
        else if (ch == '\n')
          escaped += ' ';
        else
          escaped += ch;
      }
      out_ << ' ' << escaped << " |";
    }
    out_ << '\n';
  }

  const RenderOptions& options_;
  bool markdown_;
  std::ostream& out_;
};

/// One row a track for programs in one year only: id, name, track, source.
void program_rows(const Program& p, Lang lang, std::vector<Row>& rows) {
  if (p.tracks.empty()) rows.push_back({p.id, p.name.in(lang), "-", p.source});
  for (size_t i = 0; i < p.tracks.size(); ++i)
    rows.push_back(
        {i == 0 ? p.id : "", i == 0 ? p.name.in(lang) : "", track_summary(p.tracks[i], lang), p.tracks[i].source});
}

void change_rows(const std::vector<FieldChange>& changes, const std::string& prefix, const Program* before_program,
                 const Track* before_track, const Program* after_program, const Track* after_track, Lang lang,
                 std::vector<Row>& rows) {
  for (const FieldChange& c : changes)
    rows.push_back({prefix + field_label(c.field, lang), field_value_text(c, false, before_program, before_track, lang),
                    field_value_text(c, true, after_program, after_track, lang), c.before_source, c.after_source});
}

void rule_rows(const std::vector<RuleDiff>& rules, const std::string& prefix, Lang lang, std::vector<Row>& rows) {
  for (const RuleDiff& r : rules) {
    const Rule& any = r.after != nullptr ? *r.after : *r.before;
    rows.push_back({prefix + rule_change_label(r.change, lang) + " [" + any.id + "]",
                    r.before != nullptr ? rule_text(*r.before, lang) : "-",
                    r.after != nullptr ? rule_text(*r.after, lang) : "-", r.before != nullptr ? r.before->source : "",
                    r.after != nullptr ? r.after->source : ""});
  }
}

std::vector<Row> matched_rows(const ProgramDiff& d, Lang lang) {
  const Labels l{lang};
  std::vector<Row> rows;
  if (d.match != MatchBy::id)
    rows.push_back(
        {"id (" + match_note(d.match, lang) + ")", d.before->id, d.after->id, d.before->source, d.after->source});
  change_rows(d.changes, "", d.before, nullptr, d.after, nullptr, lang, rows);
  rule_rows(d.rules, "", lang, rows);
  for (const Track* t : d.tracks_removed)
    rows.push_back(
        {l.t("유형 삭제", "track removed") + " [" + t->id + "]", track_summary(*t, lang), "-", t->source, ""});
  for (const Track* t : d.tracks_added)
    rows.push_back({l.t("유형 추가", "track added") + " [" + t->id + "]", "-", track_summary(*t, lang), "", t->source});
  for (const TrackDiff& t : d.tracks) {
    const std::string prefix = "[" + t.after->id + "] ";
    if (t.match != MatchBy::id)
      rows.push_back({prefix + l.t("유형", "track") + " (" + match_note(t.match, lang) + ")",
                      track_summary(*t.before, lang), track_summary(*t.after, lang), t.before->source,
                      t.after->source});
    change_rows(t.changes, prefix, d.before, t.before, d.after, t.after, lang, rows);
    rule_rows(t.rules, prefix, lang, rows);
  }
  return rows;
}

void render_text(const CatalogueDiff& diff, const DiffSides& sides, const RenderOptions& options, Format format,
                 std::ostream& out) {
  const Lang lang = options.lang;
  const Labels l{lang};
  Printer print(options, format, out);
  size_t changed = 0;
  std::string unchanged;
  for (const ProgramDiff& d : diff.matched) {
    if (!d.empty())
      ++changed;
    else
      unchanged += (unchanged.empty() ? "" : ", ") + d.after->id;
  }
  print.title(l.t("사업 비교: ", "Programs compared: ") + sides.before + " → " + sides.after);
  print.line(lang == Lang::ko ? fmt::format("새 사업 {}개 · 없어진 사업 {}개 · 이어진 사업 {}개 (바뀐 사업 {}개)",
                                            diff.added.size(), diff.removed.size(), diff.matched.size(), changed)
                              : fmt::format("{} new · {} removed · {} matched ({} changed)", diff.added.size(),
                                            diff.removed.size(), diff.matched.size(), changed));
  const Row one_year = {"id", l.t("사업", "program"), l.t("유형", "track"), l.t("근거", "source")};
  if (!diff.added.empty()) {
    print.heading(lang == Lang::ko ? fmt::format("새 사업 ({}에만 있음)", sides.after)
                                   : fmt::format("New programs (only in {})", sides.after));
    std::vector<Row> rows;
    for (const Program* p : diff.added) program_rows(*p, lang, rows);
    print.table(one_year, rows);
  }
  if (!diff.removed.empty()) {
    print.heading(lang == Lang::ko ? fmt::format("없어진 사업 ({}에만 있음)", sides.before)
                                   : fmt::format("Removed programs (only in {})", sides.before));
    std::vector<Row> rows;
    for (const Program* p : diff.removed) program_rows(*p, lang, rows);
    print.table(one_year, rows);
  }
  const Row columns = {l.t("항목", "what"), sides.before, sides.after, l.t("근거 ", "source ") + sides.before,
                       l.t("근거 ", "source ") + sides.after};
  for (const ProgramDiff& d : diff.matched) {
    if (d.empty()) continue;
    std::string head = d.after->id;
    if (d.before->id != d.after->id) head = d.before->id + " → " + d.after->id;
    head += " · " + d.before->name.in(lang);
    if (d.before->name.in(lang) != d.after->name.in(lang)) head += " → " + d.after->name.in(lang);
    print.heading(head);
    print.table(columns, matched_rows(d, lang));
  }
  if (!unchanged.empty()) print.line(l.t("바뀐 것 없음: ", "Unchanged: ") + unchanged);
}

}  // namespace

void render_catalogue_diff(const CatalogueDiff& diff, const DiffSides& sides, const RenderOptions& options,
                           Format format, std::ostream& out) {
  if (format == Format::json)
    write_catalogue_diff_json(diff, sides, options.lang, out);
  else
    render_text(diff, sides, options, format, out);
}

}  // namespace sfgrant
