#include "sfgrant/render/words.h"

#include <fmt/format.h>

#include <map>

#include "sfgrant/text/join.h"

namespace sfgrant {

std::string format_money(Won amount, Lang lang) {
  return lang == Lang::en ? format_english(amount) : format_korean(amount);
}

std::string describe_value(const FactDef& f, const Profile& profile, Lang lang) {
  if (!profile.has(f)) return "?";
  const Value& v = profile.get(f);
  auto choice = [&](std::int64_t idx) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(idx)];
    return lang == Lang::ko && !c.label.empty() ? c.label : c.id;
  };
  switch (f.type) {
    case FactType::boolean:
      return v.flag ? (lang == Lang::ko ? "예" : "yes") : (lang == Lang::ko ? "아니오" : "no");
    case FactType::number:
      return std::to_string(v.number);
    case FactType::money:
      return format_money(v.number, lang);
    case FactType::text:
      return v.text;
    case FactType::choice:
      return choice(v.number);
    case FactType::list:
      return "[" + join(v.items, ", ", choice) + "]";
    case FactType::money_list:
      return "[" + join(v.amounts, ", ", [&](Won w) { return format_money(w, lang); }) + "]";
  }
  return "?";
}

std::string signed_money(Won amount, Lang lang) {
  if (amount > 0) return "+" + format_money(amount, lang);
  return format_money(amount, lang);
}

std::string level_name(int index, Lang lang) {
  const Choice& c = level_vocabulary().choices[static_cast<size_t>(index)];
  return lang == Lang::ko ? c.label : c.id;
}

std::string count_programs(size_t n, Lang lang) {
  if (lang == Lang::ko) return fmt::format("{}개 사업", n);
  return fmt::format("{} program{}", n, n == 1 ? "" : "s");
}

std::string status_label(Status s, Lang lang) {
  Labels l{lang};
  switch (s) {
    case Status::eligible:
      return l.t("지원 가능", "eligible");
    case Status::possible:
      return l.t("확인 필요", "possible");
    case Status::ineligible:
      return l.t("지원 불가", "ineligible");
  }
  return "";
}

Color status_color(Status s) {
  switch (s) {
    case Status::eligible:
      return Color::green;
    case Status::possible:
      return Color::yellow;
    case Status::ineligible:
      return Color::red;
  }
  return Color::none;
}

std::string window_label(WindowState w, Lang lang) {
  Labels l{lang};
  switch (w) {
    case WindowState::upcoming:
      return l.t("접수 예정", "upcoming");
    case WindowState::open:
      return l.t("접수 중", "open");
    case WindowState::closed:
      return l.t("마감", "closed");
    case WindowState::rolling:
      return l.t("상시", "rolling");
    case WindowState::unknown:
      return l.t("미정", "unknown");
  }
  return "";
}

std::string tri_mark(Tri t, bool color) {
  switch (t) {
    case Tri::pass:
      return paint("✔", Color::green, color);
    case Tri::fail:
      return paint("✘", Color::red, color);
    case Tri::unknown:
      return paint("?", Color::yellow, color);
  }
  return "?";
}

std::string fact_label(const FactDef& f, Lang lang) {
  static const std::map<std::string, Text> kLabels = {
      {"name", {"회사명", "company name"}},
      {"business_number", {"사업자등록번호", "business number"}},
      {"size", {"기업 규모", "size"}},
      {"ksic", {"업종코드", "KSIC code"}},
      {"region", {"시·도", "region"}},
      {"city", {"시·군·구", "city"}},
      {"role", {"신청 주체", "applying as"}},
      {"status.business", {"영업 상태", "business status"}},
      {"status.tax_arrears", {"세금 체납", "tax arrears"}},
      {"status.sanctioned", {"참여제한", "barred from programs"}},
      {"smart_factory.level", {"현재 수준", "current level"}},
      {"smart_factory.target_level", {"목표 수준", "target level"}},
      {"smart_factory.built_by", {"구축 방식", "built by"}},
      {"smart_factory.level_certified", {"수준확인서", "level certificate"}},
      {"smart_factory.exceeded_target", {"목표 초과 달성", "exceeded its target"}},
      {"smart_factory.same_level_used", {"동일수준 지원 이력", "same-level support used at"}},
      {"smart_factory.project_in_progress", {"구축사업 수행 중", "project in progress"}},
      {"smart_factory.warranty_expired", {"하자보수 종료", "warranty over"}},
      {"smart_factory.self_as_capable", {"자체 AS 가능", "own after-service"}},
      {"smart_factory.collects_data", {"제조데이터 수집", "collects manufacturing data"}},
      {"selections", {"선정·확인서", "selections"}},
      {"consortium.members", {"컨소시엄 참여기업 수", "consortium members"}},
      {"consortium.suppliers", {"컨소시엄 공급기업 수", "consortium suppliers"}},
      {"consortium.demo_companies", {"컨소시엄 실증기업 수", "demonstration companies"}},
      {"consortium.cloud_provider", {"클라우드사업자 참여", "cloud provider in the consortium"}},
      {"plan.total_cost", {"총사업비", "total cost"}},
      {"plan.yearly_costs", {"연차별 사업비", "yearly costs"}},
      {"sme", {"중소기업", "SME"}},
      {"manufacturing", {"제조업", "manufacturing"}},
      {"root_industry", {"뿌리업종", "root industry"}},
      {"industry_group", {"업종 구분", "industry group"}},
      {"excluded_industry", {"지원 제외 업종", "excluded industry"}},
      {"service_business", {"서비스업", "service business"}},
      // Labels added by the 2026 audit of §2.1 (issue #13).
      {"status.unwholesome_amusement_goods", {"불건전 오락용품 제조", "unwholesome amusement goods"}},
      {"status.entertainment_business", {"유흥·향락 영업", "entertainment (유흥·향락) business"}},
      {"smart_factory.self_built_exception_used", {"자체구축 예외 사용 수준", "self-built route used at"}},
      {"jump_up_year", {"도약 선정 연도", "Jump-Up selection year"}},
      {"consortium.lead_organisation", {"주관기관", "lead organisation"}},
      {"consortium.sme_manufacturers", {"중소·중견 제조 참여기업 수", "SME/midsize manufacturer members"}},
      {"consortium.cooperation_agreement", {"상호협력 계약", "cooperation agreement"}},
      {"consortium.rnd_performer", {"국가R&D 수행기업 참여", "national R&D performer in the consortium"}},
      // (end of the 2026 §2.1 labels)
      // Labels added by the 2026 audit of §2.2–§2.12 (issue #13).
      // (end of the 2026 §2.2–§2.12 labels)
      // Labels added by the audit of 2023, 2021 and 2024 (issue #13).
      // (end of the 2023, 2021 and 2024 labels)
  };
  auto it = kLabels.find(f.path);
  return it == kLabels.end() ? f.path : it->second.in(lang);
}

std::string describe_move(const Move& move, const Profile& profile, Lang lang) {
  const FactDef& f = *move.fact;
  if (move.added) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(*move.added)];
    std::string word = lang == Lang::ko && !c.label.empty() ? c.label : c.id;
    if (!c.meaning.empty() && c.meaning.in(lang) != word) word += " (" + c.meaning.in(lang) + ")";
    return fmt::format("{} + {}", fact_label(f, lang), word);
  }
  Profile after = profile;
  apply_move(after, move);
  const std::string before =
      profile.has(f) ? describe_value(f, profile, lang) : (lang == Lang::ko ? "미입력" : "not given");
  return fmt::format("{} {} → {}", fact_label(f, lang), before, describe_value(f, after, lang));
}

std::string split_problem_text(const SplitProblem& p, const Track& track, Lang lang) {
  using Code = SplitProblem::Code;
  const bool ko = lang == Lang::ko;
  switch (p.code) {
    case Code::none:
      return {};
    case Code::levels_unknown:
      return ko ? "지원한도가 현재·목표 수준에 따라 정해짐 (수준 입력 필요)"
                : "the cap depends on the current and target levels";
    case Code::no_level_row:
      return ko ? "지원한도 표에 이 현재 → 목표 수준 조합이 없음"
                : "the cap table has no row for this current → target level pair";
    case Code::no_ratio:
      return ko ? fmt::format("{} 유형에 정부 지원비율이 없음", track.id)
                : fmt::format("track {} has no government ratio", track.id);
    case Code::negative_total:
      return ko ? "총사업비는 0원 이상이어야 함" : "the total cost cannot be negative";
    case Code::too_many_years:
      return ko ? fmt::format("연차별 사업비가 {}개이나 이 유형은 최대 {}년", p.given, p.years)
                : fmt::format("{} yearly costs given, but the track runs at most {} years", p.given, p.years);
    case Code::years_do_not_add_up:
      return ko ? fmt::format("연차별 사업비 합계 {}가 총사업비 {}와 다름", format_korean(p.sum),
                              format_korean(p.total))
                : fmt::format("yearly costs add up to {}, not the total {}", format_korean(p.sum),
                              format_korean(p.total));
    case Code::overflow:
      return ko ? "금액이 계산할 수 있는 범위를 넘음" : "amount overflow";
  }
  return {};
}

}  // namespace sfgrant
