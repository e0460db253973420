// The score as JSON (`sfgrant score --format json`).
#include "score_parts.h"
#include "sfgrant/render/score.h"

namespace sfgrant {

void score_json(const ScoreResult& r, const Sheet& sheet, int year, Lang lang, JsonWriter& out) {
  const Stage& stage = *r.stage;
  auto string_or_null = [&out](const std::string& s) {
    if (s.empty()) out.null();
    else out.value(s);
  };
  out.begin_object();
  out.key("year");
  out.value(year);
  out.key("program");
  out.value(r.rubric->program);
  out.key("stage");
  out.value(stage.id);
  out.key("stage_name");
  out.value(stage.name.in(lang));
  out.key("company");
  string_or_null(sheet.company);
  out.key("suitability");
  if (stage.suitability) {
    out.begin_object();
    out.key("suitable");
    out.value(r.suitable);
    out.key("items");
    out.begin_array();
    for (size_t k = 0; k < stage.suitability->items.size(); ++k) {
      const auto& item = stage.suitability->items[k];
      const bool ok = k < sheet.suitable.size() && sheet.suitable[k];
      out.begin_object();
      out.key("id");
      out.value(item.id);
      out.key("text");
      out.value(item.text.in(lang));
      out.key("answer");
      out.value(ok ? stage.suitability->pass_mark : stage.suitability->fail_mark);
      out.key("suitable");
      out.value(ok);
      out.key("source");
      out.value(item.source);
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
      out.key("total");
      out.value(e.total.rounded());
      out.key("sections");
      out.begin_object();
      for (size_t k = 0; k < stage.sections.size(); ++k) {
        out.key(stage.sections[k].id);
        out.value(e.sections[k].rounded());
      }
      out.end_object();
      out.key("counted");
      out.value(e.counted);
      out.key("dropped");
      string_or_null(e.dropped);
      out.end_object();
    }
    out.end_array();
    out.key("aggregate");
    out.value(stage.evaluators.aggregate == Aggregate::trimmed_mean ? "trimmed_mean" : "mean");
    out.key("too_few_to_trim");
    out.value(r.too_few_to_trim);
    out.key("evaluator_score");
    out.value(r.evaluator_score.rounded());
    out.key("evaluator_score_exact");
    out.value(r.evaluator_score.exact());
    out.key("extra");
    if (stage.combine) {
      out.begin_object();
      out.key("id");
      out.value(stage.combine->extra_id);
      out.key("name");
      out.value(stage.combine->extra_name.in(lang));
      out.key("score");
      if (r.extra) out.value(r.extra->rounded());
      else out.null();
      out.key("weight");
      out.value(stage.combine->extra_weight.rounded(4));
      out.key("evaluators_weight");
      out.value(stage.combine->evaluators_weight.rounded(4));
      out.end_object();
    } else {
      out.null();
    }
    out.key("base_score");
    out.value(r.base.rounded());
    out.key("base_score_exact");
    out.value(r.base.exact());
    out.key("bonus");
    if (stage.bonus) {
      out.begin_object();
      out.key("held");
      out.begin_array();
      for (const auto* b : r.bonus_held) {
        out.begin_object();
        out.key("id");
        out.value(b->id);
        out.key("points");
        out.value(b->points.rounded());
        out.end_object();
      }
      out.end_array();
      out.key("sum");
      out.value(r.bonus_sum.rounded());
      out.key("cap");
      if (stage.bonus->cap) out.value(stage.bonus->cap->rounded());
      else out.null();
      out.key("points");
      out.value(r.bonus.rounded());
      out.end_object();
    } else {
      out.null();
    }
    out.key("final_score");
    out.value(r.final_score.rounded());
    out.key("final_score_exact");
    out.value(r.final_score.exact());
    out.key("max_score");
    out.value(stage.final_max().rounded());
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
    out.key("at_least");
    out.value(stage.pass->at_least.rounded());
    out.key("on");
    out.value(stage.pass->on == PassOn::base ? "base" : "final");
    out.key("source");
    out.value(stage.pass->source);
    out.end_object();
  } else {
    out.null();
  }
  out.key("result");
  out.value(verdict_id(r.verdict));
  out.key("passed_by_bonus");
  out.value(r.passed_by_bonus);
  out.key("reason");
  out.value(score_reason(r, lang));
  out.key("losses");
  out.begin_array();
  for (const auto& l : r.losses) {
    out.begin_object();
    out.key("section");
    out.value(l.section->id);
    out.key("item");
    out.value(l.item->id);
    out.key("text");
    out.value(l.item->text.in(lang));
    out.key("max");
    out.value(l.item->max.rounded());
    out.key("mean");
    out.value(l.mean.rounded());
    out.key("lost");
    out.value(l.lost.rounded());
    out.end_object();
  }
  out.end_array();
  out.key("notes");
  out.begin_array();
  for (const auto& [text, source] : result_notes(r)) {
    out.begin_object();
    out.key("text");
    out.value(text.in(lang));
    out.key("source");
    out.value(source);
    out.end_object();
  }
  out.end_array();
  out.key("source");
  out.value(stage.source);
  out.end_object();
}

}  // namespace sfgrant
