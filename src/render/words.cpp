#include "sfgrant/render/words.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "sfgrant/text/join.h"
#include "sfgrant/text/terminal_escape.h"

namespace sfgrant {

std::string format_money(Won amount, Lang lang) {
  return lang == Lang::en ? format_english(amount) : format_korean(amount);
}

std::string choice_word(const Choice& c, Lang lang) {
  if (lang == Lang::ko) return c.label.empty() ? c.id : c.label;
  const bool ascii =
      std::all_of(c.id.begin(), c.id.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  return ascii || c.meaning.en.empty() ? c.id : c.meaning.en;
}

std::string describe_value(const FactDef& f, const Profile& profile, Lang lang) {
  if (!profile.has(f)) return "?";
  const Value& v = profile.get(f);
  auto choice = [&](std::int64_t idx) { return choice_word(f.vocabulary->choices[static_cast<size_t>(idx)], lang); };
  switch (f.type) {
    case FactType::boolean:
      return v.flag ? (lang == Lang::ko ? "예" : "yes") : (lang == Lang::ko ? "아니오" : "no");
    case FactType::number:
      return std::to_string(v.number);
    case FactType::money:
      return format_money(v.number, lang);
    case FactType::text:  // the company's own words, for a terminal
      return escape_for_terminal(v.text, false);
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
      {"entertainment_code", {"유흥·향락 포함 업종", "code holding entertainment in part"}},
      {"amusement_goods_code", {"오락용품 포함 업종", "code holding amusement goods in part"}},
      // Labels added by the 2026 audit of §2.1 (issue #13).
      {"status.unwholesome_amusement_goods", {"불건전 오락용품 제조", "unwholesome amusement goods"}},
      {"status.entertainment_business", {"유흥·향락 영업", "entertainment business"}},
      {"smart_factory.self_built_exception_used", {"자체구축 예외 사용 수준", "self-built route used at"}},
      {"jump_up_year", {"도약 선정 연도", "Jump-Up selection year"}},
      {"consortium.lead_organisation", {"주관기관", "lead organisation"}},
      {"consortium.sme_manufacturers", {"중소·중견 제조 참여기업 수", "SME/midsize manufacturer members"}},
      {"consortium.cooperation_agreement", {"상호협력 계약", "cooperation agreement"}},
      {"consortium.rnd_performer", {"국가R&D 수행기업 참여", "national R&D performer in the consortium"}},
      // (end of the 2026 §2.1 labels)
      // Labels added by the 2026 audit of §2.2–§2.12 (issue #13).
      {"manufacturing_related", {"제조관련 기업", "manufacturing-related"}},
      {"data_processing_capable", {"데이터 가공 지원체계", "data processing capability"}},
      {"smart_factory.voluntary_upgrade", {"자발적 고도화", "voluntary upgrade"}},
      {"smart_factory.level_certificate_expired", {"수준확인서 만료", "level certificate expired"}},
      {"consortium.sme_suppliers", {"중소 공급기업 수", "SME suppliers"}},
      {"consortium.sme_demo_companies", {"중소 실증(수요)기업 수", "SME demonstration companies"}},
      {"consortium.large_companies", {"컨소시엄 대기업 수", "large companies in the consortium"}},
      {"consortium.partner_institution", {"협력기관 참여", "partner institution"}},
      {"consortium.research_institution", {"공동 연구기관 참여", "joint research body"}},
      {"plan.manual_process_automation", {"수작업 공정 자동화", "manual-process automation"}},
      {"plan.commercialised_solution", {"사업화 중인 솔루션", "solution already on the market"}},
      {"plan.smart_factory_program", {"구축지원사업 참여 계획", "plans a smart factory program"}},
      {"plan.ai_smart_factory_program", {"AI 구축지원사업 참여 계획", "plans an AI smart factory program"}},
      {"plan.theme_match", {"공고 테마 해당", "fits a notice theme"}},
      {"plan.smart_service_field", {"스마트서비스 분야", "smart service field"}},
      {"plan.ai_agent_field", {"AI Agent 분야", "AI agent field"}},
      // (end of the 2026 §2.2–§2.12 labels)
      // Labels added by the audit of 2023, 2021 and 2024 (issue #13).
      {"status.notice_exclusion", {"세부공고 신청제한·지원제외", "detailed-notice exclusion"}},
      {"smart_factory.project_completed", {"구축사업 완료", "past project completed"}},
      {"smart_factory.project_year", {"구축사업 참여 연도", "year of the past project"}},
      {"smart_factory.exceeded_basic_target", {"기초사업 후 중간1 이상 측정", "intermediate 1 after a basic build"}},
      {"smart_factory.exceeded_target_used", {"초과 달성 예외 사용", "exceeded-target exception used"}},
      {"smart_factory.solution_linked", {"솔루션·장비 연동", "solutions linked with equipment"}},
      {"consortium.planning_body", {"기획기관 참여", "planning body"}},
      {"consortium.value_chain", {"가치사슬 연계", "value-chain link"}},
      {"consortium.largest_supplier_size", {"최대 공급기업 규모", "largest supplier size"}},
      {"consortium.supplier_private_share", {"공급기업 민간부담 비율(%)", "suppliers' share of private cost (%)"}},
      {"consortium.supplier_disqualified", {"공급기업 부적격", "supplier ineligible"}},
      {"plan.security_solution", {"보안솔루션", "security solution"}},
      {"plan.kamp_ready", {"KAMP 연계", "KAMP link"}},
      {"consortium.lead_company", {"대표기업", "lead company"}},
      // (end of the 2023, 2021 and 2024 labels)
  };
  auto it = kLabels.find(f.path);
  return it == kLabels.end() ? f.path : it->second.in(lang);
}

std::string describe_move(const Move& move, const Profile& profile, Lang lang) {
  const FactDef& f = *move.fact;
  // the company's standing, put right: said as the act
  if (f.path == "status.tax_arrears" && !move.value.flag)
    return lang == Lang::ko ? "세금 체납 해소" : "pay the tax arrears";
  if (f.path == "status.business" && !move.added)
    return lang == Lang::ko ? "영업 재개 (휴업 → 영업 중)" : "resume business (suspended → active)";
  if (move.added) {
    const Choice& c = f.vocabulary->choices[static_cast<size_t>(*move.added)];
    std::string word = choice_word(c, lang);
    if (!c.meaning.empty() && c.meaning.in(lang) != word) word += " (" + c.meaning.in(lang) + ")";
    return fmt::format("{} + {}", fact_label(f, lang), word);
  }
  Profile after = profile;
  apply_move(after, move);
  const std::string before =
      profile.has(f) ? describe_value(f, profile, lang) : (lang == Lang::ko ? "미입력" : "not given");
  return fmt::format("{} {} → {}", fact_label(f, lang), before, describe_value(f, after, lang));
}

std::string cap_basis_mark(Lang lang) {
  return lang == Lang::ko ? "한도 기준(이 사업 비용 미입력)" : "at the cap (no cost given for this program)";
}

/// `컨소시엄 전체 한도: 10억원, 컨소시엄 총사업비의 50% 이내`
std::string group_cap_words(const GroupCap& g, Lang lang) {
  const Labels l{lang};
  std::string out = g.per == GroupCap::Per::supplier
                        ? l.t("공급기업 과제 국비 한도: ", "cap on the supplier's projects: ")
                        : l.t("컨소시엄 전체 한도: ", "cap on the whole consortium: ");
  out += g.cap ? format_money(*g.cap, lang) : l.t("기업당 한도 × 참여기업 수", "the cap per company × members");
  if (g.share)
    out += l.t(", 컨소시엄 총사업비의 ", ", at most ") + format_ratio(*g.share) +
           l.t(" 이내", " of the consortium's total");
  return out;
}

std::string group_cap_mark(const GroupCap& cap, Lang lang) {
  const bool ko = lang == Lang::ko;
  if (cap.per == GroupCap::Per::supplier)
    return ko ? "공급기업 과제 국비 한도 미반영(다른 과제 정부지원금 미입력)"
              : "supplier's projects' cap not applied (its other projects' support not given)";
  return ko ? "컨소시엄 한도 미반영(다른 참여기업 정부지원금 미입력)"
            : "consortium cap not applied (the other members' support not given)";
}

std::string contact_text(const Agency& agency) {
  std::string contact = agency.operator_name.empty() ? agency.lead : agency.operator_name;
  if (!agency.phone.empty()) contact += (contact.empty() ? "" : " ") + agency.phone;
  return contact;
}

std::string cap_basis_text(std::optional<Won> at_cost, Lang lang) {
  if (lang == Lang::ko)
    return at_cost ? fmt::format(
                         "한도 기준: 이 사업의 비용은 구축 총사업비와 별개이며 주어지지 않아, 한도에 이르는 "
                         "비용 {}으로 계산한 금액",
                         format_money(*at_cost, lang))
                   : "한도 기준: 이 사업의 비용은 구축 총사업비와 별개이며 주어지지 않아, 한도에 이르는 비용으로 "
                     "계산한 금액";
  return at_cost ? fmt::format(
                       "At the cap: this program's own cost (not the build budget) was not given, so the "
                       "amounts are at the cost that reaches the cap, {}",
                       format_money(*at_cost, lang))
                 : "At the cap: this program's own cost (not the build budget) was not given, so the amounts are "
                   "at the cost that reaches the cap";
}

std::string cost_key_problem_text(const CostKeyProblem& p, int year, Lang lang) {
  using Code = CostKeyProblem::Code;
  const bool ko = lang == Lang::ko;
  const std::string& key = p.entry->key;
  std::string text;
  switch (p.code) {
    case Code::unknown_program:
      text = ko ? fmt::format("plan.costs: {}년 사업에 \"{}\" 사업이 없습니다", year, key.substr(0, key.find(':')))
                : fmt::format("plan.costs: no program \"{}\" in the {} programs", key.substr(0, key.find(':')), year);
      break;
    case Code::unknown_track:
      text = ko ? fmt::format("plan.costs: {}년 \"{}\"에 그런 세부 유형이 없습니다", year, key)
                : fmt::format("plan.costs: \"{}\" names no track of that program in {}", key, year);
      break;
    case Code::no_money:
      text = ko ? fmt::format("plan.costs: \"{}\"에는 나눌 지원금이 없습니다 (한도·지원비율 없음)", key)
                : fmt::format("plan.costs: \"{}\" has no support to split (no cap or ratio)", key);
      break;
  }
  if (p.suggestion)
    text +=
        ko ? fmt::format(" (\"{}\" 아닌가요?)", *p.suggestion) : fmt::format("; did you mean \"{}\"?", *p.suggestion);
  return text;
}

namespace {

/// `컨소시엄 전체 정부지원 한도 10억원(컨소시엄 총사업비의 50% 이내) − 다른 참여기업 9억원 = 1억원: 이 기업의
/// 정부지원금을 1억원으로 계산`, or what to give to know it.
std::string group_cap_text(const GroupShare& g, const GroupCap& cap, const Split& s, Lang lang) {
  const bool ko = lang == Lang::ko;
  const bool supplier = cap.per == GroupCap::Per::supplier;
  std::string what = supplier ? (ko ? "공급기업 과제 정부지원 한도" : "Cap on the supplier's projects' support")
                              : (ko ? "컨소시엄 전체 정부지원 한도" : "Cap on the whole consortium's support");
  // the clause in brackets (10억원, 총사업비의 50% 이내), then the amount it comes to for this group
  std::string clause =
      cap.cap ? format_money(*cap.cap, lang) : (ko ? "기업당 한도 × 참여기업 수" : "cap per company × members");
  if (cap.share)
    clause += ko ? fmt::format(", 컨소시엄 총사업비의 {} 이내", format_ratio(*cap.share))
                 : fmt::format(", at most {} of the consortium's total cost", format_ratio(*cap.share));
  what += fmt::format(" ({})", clause);
  if (g.limit && (!cap.cap || *g.limit != *cap.cap)) what += " " + format_money(*g.limit, lang);
  const char* others_fact = supplier ? "supplier.others_government" : "consortium.others_government";
  if (!g.limit)
    return what +
           (ko ? ": 참여기업 수(consortium.members)를 입력하면 계산" : ": give consortium.members to work it out");
  if (!g.others && g.equal_share)
    return what +
           (ko ? fmt::format(": 참여기업이 똑같이 나누면 기업당 {}. 다른 참여기업의 정부지원금({})을 입력하면 이 "
                             "기업의 몫을 확인",
                             format_money(*g.equal_share, lang), others_fact)
               : fmt::format(": shared equally, {} a member; give the other members' support ({}) to know "
                             "this company's part",
                             format_money(*g.equal_share, lang), others_fact));
  if (!g.others)
    return what + (ko ? fmt::format(": 다른 {} 정부지원금({})을 입력하면 이 기업의 몫을 확인",
                                    supplier ? "과제의" : "참여기업의", others_fact)
                      : fmt::format(": give the {} support ({}) to know this company's part",
                                    supplier ? "supplier's other projects'" : "other members'", others_fact));
  const std::string minus =
      fmt::format(" − {} {} = {}",
                  ko ? (supplier ? "다른 과제" : "다른 참여기업") : (supplier ? "other projects" : "other members"),
                  format_money(*g.others, lang), format_money(g.remaining.value_or(0), lang));
  if (g.lowered)
    return what + minus +
           (ko ? fmt::format(": 이 기업의 정부지원금을 {}으로 계산", format_money(s.government, lang))
               : fmt::format(": this company's support is worked out as {}", format_money(s.government, lang)));
  return what + minus + (ko ? ": 이 기업의 정부지원금이 그 안에 듦" : ": this company's support fits in it");
}

}  // namespace

std::vector<PartyLimitLine> party_limit_lines(const Split& s, const Track& t, Lang lang) {
  const bool ko = lang == Lang::ko;
  std::vector<PartyLimitLine> lines;
  auto add = [&](const std::optional<Won>& amount, const std::optional<PartyLimit>& limit, const char* ko_what,
                 const char* en_what, const char* ko_of, const char* en_of, Won of) {
    if (!amount || !limit) return;
    lines.push_back({ko ? fmt::format("{} {} ({} {}의 {})", ko_what, format_money(*amount, lang), ko_of,
                                      format_money(of, lang), format_ratio(limit->share))
                        : fmt::format("{} {} ({} of {} {})", en_what, format_money(*amount, lang),
                                      format_ratio(limit->share), en_of, format_money(of, lang)),
                     &limit->source});
  };
  add(s.large_company_in_kind_max, t.large_company_in_kind_max, "주관기관 현물출자 인정 최대", "Lead's in-kind at most",
      "주관기관 출연금", "the lead's contribution", s.large_company.value_or(0));
  add(s.supplier_private_min, t.supplier_private_min, "공급기업 컨소시엄 부담 최소",
      "Supplier consortium pays at least", "민간부담금", "the private share", s.private_share);
  add(s.company_own_staff_max, t.company_own_staff_max, "사업관리 인력 인건비 사업비 포함 최대",
      "Own project staff wages countable at most", "기업 부담금", "the company's share", s.company);
  add(s.local_government_max, t.local_government_max, "지자체 매칭 최대(지역별 공고로 확정)",
      "Local government matching at most (set by each regional notice)", "총사업비", "the total", s.total);
  if (s.group && t.group_cap) lines.push_back({group_cap_text(*s.group, *t.group_cap, s, lang), &t.group_cap->source});
  return lines;
}

std::string cost_key_unused_text(const std::string& key, int year, Lang lang) {
  return lang == Lang::ko
             ? fmt::format("plan.costs: \"{}\"는 {}년 사업이 아니어서(다른 연도 사업) 이번 계산에 쓰지 않음", key, year)
             : fmt::format("plan.costs: \"{}\" is a program of another year than {}: not used", key, year);
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
