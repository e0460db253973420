// The score as JSON (`sfgrant score --format json`).
#include "score_parts.h"
#include "sfgrant/render/score.h"

namespace sfgrant {

void score_json(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, JsonWriter& out) {
  const Stage& stage = *r.stage;
  auto string_or_null = [&out](const std::string& s) {
    if (s.empty())
      out.null();
    else
      out.value(s);
  };
  out.begin_object();
  out.member("year", year);
  out.member("program", r.rubric->program);
  out.member("stage", stage.id);
  out.member("stage_name", stage.name.in(lang));
  out.key("company");
  string_or_null(sheet.company);
  out.key("suitability");
  if (stage.suitability) {
    out.begin_object();
    out.member("suitable", r.suitable);
    out.key("items");
    out.begin_array();
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const auto& item = stage.suitability->items[k];
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      out.begin_object();
      out.member("id", item.id);
      out.member("text", item.text.in(lang));
      out.member("answer", ok ? stage.suitability->pass_mark : stage.suitability->fail_mark);
      out.member("suitable", ok);
      out.member("source", item.source);
      out.end_object();
    }
    out.end_array();
    out.end_object();
  } else {
    out.null();
  }
  if (stage.scored()) {
    out.key("evaluators");
    out.begin_array();
    for (const auto& e : r.evaluators) {
      out.begin_object();
      out.key("name");
      string_or_null(e.name);
      out.member("total", e.total.rounded());
      out.key("sections");
      out.begin_object();
      for (size_t k = 0; k < stage.sections.size(); ++k) {
        out.member(stage.sections[k].id, e.sections[k].rounded());
      }
      out.end_object();
      out.member("counted", e.counted);
      out.key("dropped");
      string_or_null(e.dropped);
      out.end_object();
    }
    out.end_array();
    out.member("aggregate", stage.evaluators.aggregate == Aggregate::trimmed_mean ? "trimmed_mean" : "mean");
    out.member("too_few_to_trim", r.too_few_to_trim);
    out.member("evaluator_score", r.evaluator_score.rounded());
    out.member("evaluator_score_exact", r.evaluator_score.exact());
    out.key("extra");
    if (stage.combine) {
      out.begin_object();
      out.member("id", stage.combine->extra_id);
      out.member("name", stage.combine->extra_name.in(lang));
      out.key("score");
      if (r.extra)
        out.value(r.extra->rounded());
      else
        out.null();
      out.member("weight", stage.combine->extra_weight.rounded(4));
      out.member("evaluators_weight", stage.combine->evaluators_weight.rounded(4));
      out.end_object();
    } else {
      out.null();
    }
    out.member("base_score", r.base.rounded());
    out.member("base_score_exact", r.base.exact());
    out.key("bonus");
    if (stage.bonus) {
      out.begin_object();
      out.key("held");
      out.begin_array();
      for (const auto* b : r.bonus_held) {
        out.begin_object();
        out.member("id", b->id);
        out.member("points", b->points.rounded());
        out.end_object();
      }
      out.end_array();
      out.member("sum", r.bonus_sum.rounded());
      out.key("cap");
      if (stage.bonus->cap)
        out.value(stage.bonus->cap->rounded());
      else
        out.null();
      out.member("points", r.bonus.rounded());
      out.end_object();
    } else {
      out.null();
    }
    out.member("final_score", r.final_score.rounded());
    out.member("final_score_exact", r.final_score.exact());
    out.member("max_score", stage.final_max().rounded());
  } else {
    for (const char* key :
         {"evaluators", "aggregate", "evaluator_score", "extra", "base_score", "bonus", "final_score", "max_score"}) {
      out.key(key);
      out.null();
    }
  }
  out.key("pass_mark");
  if (stage.pass) {
    out.begin_object();
    out.member("at_least", stage.pass->at_least.rounded());
    out.member("on", stage.pass->on == PassOn::base ? "base" : "final");
    out.member("source", stage.pass->source);
    out.end_object();
  } else {
    out.null();
  }
  out.member("result", verdict_id(r.verdict));
  out.member("passed_by_bonus", r.passed_by_bonus);
  out.member("reason", score_reason(r, lang));
  out.key("losses");
  out.begin_array();
  for (const auto& l : r.losses) {
    out.begin_object();
    out.member("section", l.section->id);
    out.member("item", l.item->id);
    out.member("text", l.item->text.in(lang));
    out.member("max", l.item->max.rounded());
    out.member("mean", l.mean.rounded());
    out.member("lost", l.lost.rounded());
    out.end_object();
  }
  out.end_array();
  out.key("notes");
  out.begin_array();
  for (const auto& [text, source] : result_notes(r)) {
    out.begin_object();
    out.member("text", text.in(lang));
    out.member("source", source);
    out.end_object();
  }
  out.end_array();
  out.member("source", stage.source);
  out.end_object();
}

}  // namespace sfgrant
