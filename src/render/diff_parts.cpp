#include "diff_parts.h"

#include <fmt/format.h>

#include "sfgrant/render/words.h"

namespace sfgrant {
namespace {

const Schedule* schedule_of(const Program* program, const Track* track) {
  if (track != nullptr) return track->schedule ? &*track->schedule : nullptr;
  return program != nullptr ? &program->schedule : nullptr;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->str() : "?"; }

std::string schedule_words(const Schedule& s, Lang lang) {
  const Labels l{lang};
  std::string out;
  if (s.announce) out += l.t("공고 ", "notice ") + s.announce->str() + " · ";
  if (s.rolling) return out + l.t("상시 접수", "rolling");
  return out + l.t("접수 ", "apply ") + date_text(s.apply_from) + "~" + date_text(s.apply_to);
}

std::string level_caps_words(const Track& t, Lang lang) {
  std::string out;
  for (const LevelCap& row : t.cap_by_level)
    out += (out.empty() ? "" : ", ") + level_name(row.from, lang) + "→" + level_name(row.to, lang) + " " +
           format_money(row.cap, lang);
  return out.empty() ? "-" : out;
}

bool is_ratio(Field f) {
  switch (f) {
    case Field::ratio:
    case Field::large_company_min:
    case Field::company_max:
    case Field::in_kind_max:
    case Field::company_cash_min:
    case Field::large_company_in_kind_max:
    case Field::company_own_staff_max:
    case Field::supplier_private_min:
    case Field::local_government_max:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string field_label(Field f, Lang lang) {
  const Labels l{lang};
  switch (f) {
    case Field::name:
      return l.t("사업명", "name");
    case Field::quota:
      return l.t("지원 과제수", "projects (quota)");
    case Field::window:
      return l.t("공고·접수", "window");
    case Field::source:
      return l.t("근거", "citation");
    case Field::months:
      return l.t("기간", "months");
    case Field::cap:
      return l.t("한도", "cap");
    case Field::ratio:
      return l.t("정부 지원비율", "government ratio");
    case Field::years:
      return l.t("연차", "years");
    case Field::cap_per_year:
      return l.t("연 한도", "yearly cap");
    case Field::cap_by_level:
      return l.t("수준별 한도", "cap by level");
    case Field::large_company_min:
      return l.t("대기업 최소 부담", "large company at least");
    case Field::company_max:
      return l.t("도입기업 최대 부담", "company at most");
    case Field::in_kind_max:
      return l.t("현물 인정 한도 (민간부담금 중)", "in-kind at most, of the private share");
    case Field::company_cash_min:
      return l.t("현금부담 최소 (기업부담금 중)", "cash at least, of the company's share");
    case Field::local_government:
      return l.t("지자체 매칭", "local government");
    case Field::cost_basis:
      return l.t("비용 기준", "cost basis");
    case Field::large_company_in_kind_max:
      return l.t("주관기관 현물출자 최대", "lead's in-kind at most");
    case Field::company_own_staff_max:
      return l.t("사업관리 인력 인건비 최대", "own staff wages at most");
    case Field::supplier_private_min:
      return l.t("공급기업 컨소시엄 부담 최소", "supplier consortium at least");
    case Field::local_government_max:
      return l.t("지자체 매칭 최대", "local government at most");
    case Field::group_cap:
      return l.t("컨소시엄·공급기업 한도", "consortium or supplier cap");
  }
  return "";
}

std::string field_value_text(const FieldChange& change, bool after, const Program* program, const Track* track,
                             Lang lang) {
  const Labels l{lang};
  const std::optional<std::int64_t>& v = after ? change.after : change.before;
  switch (change.field) {
    case Field::name:
      return program != nullptr ? program->name.in(lang) : "-";
    case Field::source:
      return track != nullptr ? track->source : program != nullptr ? program->source : "-";
    case Field::window: {
      const Schedule* s = schedule_of(program, track);
      return s != nullptr ? schedule_words(*s, lang) : "-";
    }
    case Field::cap_by_level:
      return track != nullptr ? level_caps_words(*track, lang) : "-";
    case Field::local_government:
      return track != nullptr && !track->local_government.empty() ? track->local_government : "-";
    case Field::group_cap:
      return track != nullptr && track->group_cap ? group_cap_words(*track->group_cap, lang) : "-";
    default:
      break;
  }
  if (!v) return "-";
  if (is_ratio(change.field)) return format_ratio(Ratio{*v});
  switch (change.field) {
    case Field::cap:
    case Field::cap_per_year:
      return format_money(*v, lang);
    case Field::months:
      return lang == Lang::ko ? fmt::format("{}개월", *v) : fmt::format("{} months", *v);
    case Field::years:
      return lang == Lang::ko ? fmt::format("{}년", *v) : fmt::format("{} years", *v);
    case Field::quota:
      return lang == Lang::ko ? fmt::format("{}개", *v) : fmt::format("{}", *v);
    case Field::cost_basis:
      return *v == 1 ? l.t("사업 자체 비용", "the track's own cost") : l.t("구축 총사업비", "the build budget");
    default:
      return std::to_string(*v);
  }
}

void write_field_value_json(const FieldChange& change, bool after, const Program* program, const Track* track,
                            Lang lang, JsonWriter& out) {
  const std::optional<std::int64_t>& v = after ? change.after : change.before;
  switch (change.field) {
    case Field::name:
      if (program != nullptr)
        out.value(program->name.in(lang));
      else
        out.null();
      return;
    case Field::source:
      out.value(track != nullptr ? track->source : program != nullptr ? program->source : std::string());
      return;
    case Field::window: {
      const Schedule* s = schedule_of(program, track);
      if (s == nullptr) {
        out.null();
        return;
      }
      out.begin_object();
      const std::pair<const char*, const std::optional<Date>*> dates[] = {
          {"announce", &s->announce}, {"apply_from", &s->apply_from}, {"apply_to", &s->apply_to}};
      for (const auto& [key, date] : dates) {
        out.key(key);
        if (*date)
          out.value((*date)->str());
        else
          out.null();
      }
      out.member("rolling", s->rolling);
      out.end_object();
      return;
    }
    case Field::cap_by_level:
      out.begin_array();
      if (track != nullptr)
        for (const LevelCap& row : track->cap_by_level) {
          out.begin_object();
          out.member("from", level_vocabulary().choices[static_cast<size_t>(row.from)].id);
          out.member("to", level_vocabulary().choices[static_cast<size_t>(row.to)].id);
          out.member("cap", row.cap);
          out.end_object();
        }
      out.end_array();
      return;
    case Field::local_government:
      if (track != nullptr && !track->local_government.empty())
        out.value(track->local_government);
      else
        out.null();
      return;
    case Field::group_cap:
      if (track == nullptr || !track->group_cap) {
        out.null();
        return;
      }
      out.begin_object();
      out.member("per", track->group_cap->per == GroupCap::Per::supplier ? "supplier" : "consortium");
      out.member("cap", track->group_cap->cap);
      out.member("per_member", track->group_cap->per_member);
      if (track->group_cap->share) out.member("share", format_ratio(*track->group_cap->share));
      out.end_object();
      return;
    default:
      break;
  }
  if (!v)
    out.null();
  else if (is_ratio(change.field))
    out.value(format_ratio(Ratio{*v}));
  else if (change.field == Field::cost_basis)
    out.value(*v == 1 ? "own" : "build");
  else
    out.value(*v);
}

std::string rule_change_label(RuleChange c, Lang lang) {
  const Labels l{lang};
  switch (c) {
    case RuleChange::added:
      return l.t("규칙 추가", "rule added");
    case RuleChange::removed:
      return l.t("규칙 삭제", "rule removed");
    case RuleChange::condition:
      return l.t("규칙 조건 변경", "rule condition changed");
    case RuleChange::message:
      return l.t("규칙 문구 변경", "rule wording changed");
    case RuleChange::source:
      return l.t("규칙 근거 변경", "rule citation changed");
  }
  return "";
}

std::string rule_text(const Rule& rule, Lang lang) {
  return rule.message.in(lang) + " (" + condition_text(rule.require) + ")";
}

std::string tri_word(Tri t, Lang lang) {
  const Labels l{lang};
  switch (t) {
    case Tri::pass:
      return l.t("충족", "met");
    case Tri::fail:
      return l.t("미충족", "not met");
    case Tri::unknown:
      return l.t("확인 필요", "unknown");
  }
  return "";
}

std::string match_note(MatchBy m, Lang lang) {
  const Labels l{lang};
  switch (m) {
    case MatchBy::id:
      return "";
    case MatchBy::name:
      return l.t("id가 달라 이름으로 맞춤", "id differs: matched by name");
    case MatchBy::last_left:
      return l.t("id·이름이 달라 하나씩 남은 유형끼리 맞춤",
                 "id and name differ: matched as the one track left on each side");
  }
  return "";
}

std::string track_summary(const Track& t, Lang lang) {
  std::string out = t.name.in(lang) + " [" + t.id + "]";
  if (t.cap) out += " " + format_money(*t.cap, lang);
  if (t.ratio) out += " · " + format_ratio(*t.ratio);
  if (t.months)
    out += " · " + (lang == Lang::ko ? fmt::format("{}개월", *t.months) : fmt::format("{} months", *t.months));
  return out;
}

}  // namespace sfgrant
