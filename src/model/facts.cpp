#include "sfgrant/model/facts.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace sfgrant {

std::optional<int> Vocabulary::find(std::string_view word) const {
  for (size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].id == word || (!choices[i].label.empty() && choices[i].label == word)) return static_cast<int>(i);
  }
  // the other words only when the id and the label missed: batch reads millions of ids
  for (size_t i = 0; i < choices.size(); ++i)
    for (const std::string& w : choices[i].also)
      if (w == word) return static_cast<int>(i);
  return std::nullopt;
}

std::string Vocabulary::describe() const {
  std::string out;
  for (const Choice& c : choices) {
    if (!out.empty()) out += ", ";
    out += c.id;
    if (!c.label.empty() && c.label != c.id) out += " (" + c.label + ")";
  }
  return out;
}

namespace {

Vocabulary make_levels() {
  return {"level",
          true,
          {{"none", "미적용", {"스마트공장 미적용", "no smart factory"}},
           {"basic", "기초", {"기초", "basic"}},
           {"intermediate1", "중간1", {"중간1", "intermediate 1"}},
           {"intermediate2", "중간2", {"중간2", "intermediate 2"}},
           {"advanced", "고도화", {"고도화", "advanced"}}}};
}

Vocabulary make_sizes() {
  return {"size",
          true,
          {{"small", "소기업", {"소기업", "small enterprise"}},
           {"medium", "중기업", {"중기업", "medium enterprise"}},
           {"midsize", "중견기업", {"중견기업", "midsize company"}},
           {"large", "대기업", {"대기업", "large company"}}}};
}

Vocabulary make_regions() {
  Vocabulary v{"region", false, {}};
  const char* names[][2] = {{"서울", "Seoul"},    {"부산", "Busan"},   {"대구", "Daegu"},     {"인천", "Incheon"},
                            {"광주", "Gwangju"},  {"대전", "Daejeon"}, {"울산", "Ulsan"},     {"세종", "Sejong"},
                            {"경기", "Gyeonggi"}, {"강원", "Gangwon"}, {"충북", "Chungbuk"},  {"충남", "Chungnam"},
                            {"전북", "Jeonbuk"},  {"전남", "Jeonnam"}, {"경북", "Gyeongbuk"}, {"경남", "Gyeongnam"},
                            {"제주", "Jeju"}};
  for (auto& n : names) v.choices.push_back({n[0], "", {n[0], n[1]}});
  return v;
}

Vocabulary make_selections() {
  return {"selection",
          false,
          {
              {"legend50",
               "",
               {"레전드50+ 선정확인서", "Legend50+ selection certificate"},
               {"레전드50+", "레전드50+ 선정확인서"}},
              {"jump_up",
               "",
               {"도약(Jump-Up) 프로그램 선정 협약서", "Jump-Up program agreement"},
               {"도약", "도약 프로그램"}},
              {"rnd_success",
               "",
               {"국가R&D 최종 성공 판정", "national R&D project judged successful"},
               {"R&D 성공", "국가R&D 성공판정"}},
              {"tp_recommendation",
               "",
               {"지역 제조혁신센터(TP) 추천서", "regional innovation center (TP) recommendation"},
               {"TP 추천서", "센터 추천서"}},
              {"ministry_field",
               "",
               {"부처협업 지원분야 해당", "in a partner ministry's support field"},
               {"부처협업 분야"}},
              {"regional_field",
               "",
               {"지역특화형 참여 지자체의 지원분야 해당", "in a participating local government's field"},
               {"지역특화 분야"}},
              {"high_carbon", "", {"고탄소 배출업종", "high-carbon-emission industry"}, {"고탄소", "고탄소 배출업종"}},
              {"robot_si_partner",
               "",
               {"로봇 SI 공급기업과 컨소시엄", "in consortium with a robot SI supplier"},
               {"로봇 SI 컨소시엄"}},
              {"vc_investment",
               "",
               {"최근 3년 5억원 이상 투자유치", "raised 500M won or more in the last 3 years"},
               {"투자유치"}},
              {"supplier_pool",
               "",
               {"스마트제조 공급기업 Pool 등록", "registered in the smart manufacturing supplier pool"},
               {"공급기업 Pool", "공급기업 풀"}},
              {"smart_service_pool",
               "",
               {"스마트서비스 공급기업 Pool 등록", "registered in the smart service supplier pool"},
               {"스마트서비스 Pool", "스마트서비스 풀"}},
              {"root_company",
               "",
               {"뿌리기업 확인서", "root-industry company certificate"},
               {"뿌리기업", "뿌리기업 확인서"}},
              {"regional_flagship_midsize",
               "",
               {"지역대표 중견기업", "regional flagship midsize company"},
               {"지역대표 중견기업"}},
              {"smart_factory_training",
               "",
               {"스마트공장 교육 이수", "completed smart factory training"},
               {"스마트공장 교육", "스마트공장 교육 이수"}},
              {"daejeon_consulting",
               "",
               {"대전 스마트공장 컨설팅지원사업 참여", "took part in Daejeon smart factory consulting"},
               {"대전 컨설팅", "대전 스마트공장 컨설팅"}},
              {"leading_smart_factory",
               "",
               {"선도형 스마트공장 선정기업", "selected for a leading smart factory build"},
               {"선도형 스마트공장"}},
              {"smart_service_partner",
               "",
               {"스마트서비스 Pool 등록 중소기업과 컨소시엄", "in consortium with an SME from the smart service pool"},
               {"스마트서비스 Pool 컨소시엄"}},
              {"smart_service_built",
               "",
               {"스마트 서비스 지원사업으로 솔루션 구축", "built a solution under the smart service program"},
               {"스마트서비스 구축"}},
              {"advanced_project_selected",
               "",
               {"인공지능 솔루션 실증 또는 스마트공장 고도화 사업 선정",
                "selected for an AI demonstration or advanced smart factory project"},
               {"고도화 사업 선정", "AI 실증 선정"}},
              // Selections added by the 2026 audit of §2.1 (issue #13); each entry ends with a comma.
              // (end of the 2026 §2.1 selections)
              // Selections added by the 2026 audit of §2.2–§2.12 (issue #13).
              {"process_field_diagnosis",
               "",
               {"표준공정 공정최적화 R&D 제조현장진단 참여기업",
                "took part in the field diagnosis of the standard-process optimisation R&D"},
               {"제조현장진단", "제조현장진단 참여"}},
              // (end of the 2026 §2.2–§2.12 selections)
              // Selections added by the audit of 2023, 2021 and 2024 (issue #13).
              {"operator_recommended",
               "",
               {"투자연계형 운영사가 추천한 공급기업 (도입기업은 그 공급기업과 함께 참여)",
                "supplier recommended by an investment-linked program operator (for an adopter: its supplier is)"},
               {"운영사 추천"}},
              // (end of the 2023, 2021 and 2024 selections)
          }};
}

const Vocabulary& roles() {
  static const Vocabulary v{"role",
                            false,
                            {{"adopter", "도입기업", {"도입기업", "adopting company"}, {"수요기업"}},
                             {"supplier", "공급기업", {"공급기업", "supplier"}},
                             {"institution", "기관", {"기관", "institution"}}}};
  return v;
}

const Vocabulary& business_states() {
  static const Vocabulary v{"business status",
                            false,
                            {{"active", "영업", {"영업 중", "active"}, {"영업중", "정상"}},
                             {"suspended", "휴업", {"휴업", "suspended"}, {"휴업중"}},
                             {"closed", "폐업", {"폐업", "closed"}}}};
  return v;
}

const Vocabulary& builders() {
  static const Vocabulary v{
      "built by",
      false,
      {{"none", "없음", {"구축 이력 없음", "never built"}},
       {"government", "정부지원", {"정부지원사업으로 구축", "built with government support"}},
       {"self", "자체구축", {"자체 구축", "built on its own"}},
       {"local_government", "지자체 기초", {"지자체 기초 구축", "basic build funded by a local government"}}}};
  return v;
}

const Vocabulary& industry_groups() {
  static const Vocabulary v{"industry group",
                            false,
                            {{"main", "주력", {"주력업종", "main industry"}},
                             {"other", "기타", {"기타업종", "other industry"}},
                             {"none", "해당없음", {"제조업 아님", "not manufacturing"}}}};
  return v;
}

std::vector<FactDef> make_facts() {
  std::vector<FactDef> f;
  auto add = [&](std::string path, FactType type, const Vocabulary* vocab, bool derived, Text q) {
    FactDef d;
    d.index = static_cast<int>(f.size());
    d.path = std::move(path);
    d.type = type;
    d.vocabulary = vocab;
    d.derived = derived;
    d.question = std::move(q);
    f.push_back(std::move(d));
  };
  using T = FactType;
  add("name", T::text, nullptr, false, {"회사명은?", "Company name?"});
  add("business_number", T::text, nullptr, false, {"사업자등록번호는?", "Business registration number?"});
  add("size", T::choice, &size_vocabulary(), false,
      {"기업 규모는? (소기업·중기업·중견기업·대기업)", "Company size? (small, medium, midsize, large)"});
  add("ksic", T::text, nullptr, false, {"주업종 KSIC 코드는?", "Main KSIC industry code?"});
  add("region", T::choice, &region_vocabulary(), false, {"소재지 시·도는?", "Province or metropolitan city?"});
  add("city", T::text, nullptr, false, {"소재지 시·군·구는?", "City, county or district?"});
  add("role", T::choice, &roles(), false,
      {"신청 주체는? (도입기업·공급기업·기관)", "Applying as adopter, supplier or institution?"});
  add("status.business", T::choice, &business_states(), false,
      {"휴업 또는 폐업 중인가?", "Is the business suspended or closed?"});
  add("status.tax_arrears", T::boolean, nullptr, false,
      {"국세·지방세 체납이 있는가?", "Any national or local tax arrears?"});
  add("status.sanctioned", T::boolean, nullptr, false,
      {"스마트 제조혁신 지원사업 참여제한 중인가?", "Currently barred from smart manufacturing programs?"});
  add("smart_factory.level", T::choice, &level_vocabulary(), false,
      {"현재 스마트공장 수준은? (미적용·기초·중간1·중간2·고도화)", "Current smart factory level?"});
  add("smart_factory.target_level", T::choice, &level_vocabulary(), false,
      {"이번 구축의 목표 수준은?", "Target level of the planned build?"});
  add("smart_factory.built_by", T::choice, &builders(), false,
      {"기존 스마트공장은 어떻게 구축했는가? (정부지원·자체구축·지자체 기초)",
       "How was the existing smart factory built?"});
  add("smart_factory.level_certified", T::boolean, nullptr, false,
      {"유효한 스마트공장 수준확인서가 있는가?", "Holds a valid smart factory level certificate?"});
  add("smart_factory.exceeded_target", T::boolean, nullptr, false,
      {"과거 정부지원 구축에서 목표 수준을 초과 달성했는가?", "Did a past government build exceed its target level?"});
  add("smart_factory.same_level_used", T::list, &level_vocabulary(), false,
      {"동일수준 지원을 이미 받은 수준은?", "Levels at which same-level support was already received?"});
  add("smart_factory.project_in_progress", T::boolean, nullptr, false,
      {"현재 다른 스마트공장 구축사업을 수행 중인가?", "Executing another smart factory project now?"});
  add("smart_factory.warranty_expired", T::boolean, nullptr, false,
      {"공급기업 하자보수 기간이 끝났는가?", "Is the supplier's warranty period over?"});
  add("smart_factory.self_as_capable", T::boolean, nullptr, false,
      {"공급기업 없이 자체 AS가 가능한가?", "Can it do its own after-service without a supplier?"});
  add("smart_factory.collects_data", T::boolean, nullptr, false,
      {"제조데이터를 수집하고 있는가?", "Does it already collect manufacturing data?"});
  add("selections", T::list, &selection_vocabulary(), false,
      {"보유한 선정·확인서는? (레전드50+, 도약, R&D 성공판정, TP 추천서 등)",
       "Which selections and certificates does it hold?"});
  add("consortium.members", T::number, nullptr, false, {"컨소시엄 참여기업 수는?", "Number of consortium members?"});
  // A group's cap (Track::group_cap): what the group spends and what its other members take.
  add("consortium.total_cost", T::money, nullptr, false,
      {"컨소시엄 전체 총사업비는?", "The whole consortium's total project cost?"});
  add("consortium.others_government", T::money, nullptr, false,
      {"다른 참여기업들이 신청하는 정부지원금 합계는?",
       "Government support the other consortium members apply for, in all?"});
  add("supplier.other_projects", T::number, nullptr, false,
      {"함께하는 공급기업이 이 사업에서 이미 맡은 과제 수는?",
       "How many projects of this program does the company's supplier already have?"});
  add("supplier.others_government", T::money, nullptr, false,
      {"그 공급기업의 다른 과제 정부지원금 합계는?", "Government support of the supplier's other projects, in all?"});
  add("consortium.suppliers", T::number, nullptr, false,
      {"컨소시엄 공급기업 수는?", "Number of suppliers in the consortium?"});
  add("consortium.demo_companies", T::number, nullptr, false,
      {"컨소시엄 실증기업 수는?", "Number of demonstration companies in the consortium?"});
  add("consortium.cloud_provider", T::boolean, nullptr, false,
      {"컨소시엄에 클라우드사업자가 있는가?", "Does the consortium include a cloud provider?"});
  add("plan.total_cost", T::money, nullptr, false, {"총사업비는?", "Total project cost?"});
  add("plan.yearly_costs", T::money_list, nullptr, false, {"연차별 사업비는?", "Cost in each year?"});
  // Facts added by the 2026 audit of §2.1 (issue #13): the conditions of the announcement that the
  // profile could not express.
  // 003 §1 지원 제외 대상 (불건전 오락용품 제조업): asked only where the KSIC code can hold it (33402, 33409).
  add("status.unwholesome_amusement_goods", T::boolean, nullptr, false,
      {"불건전 영상게임기·도박게임장비 등 불건전 오락용품을 제조하는가?",
       "Does it make unwholesome amusement goods (gambling machines, unwholesome video game machines and the like)?"});
  // 003 §1 지원 제외 대상 (유흥·향락업): asked only where the KSIC code holds it in part (91113, 9122x, 96122).
  add("status.entertainment_business", T::boolean, nullptr, false,
      {"유흥·향락 영업(사행성 게임장·퇴폐 마사지 등)을 하는가?",
       "Does it run an entertainment business, such as a gambling arcade or an adult massage parlour?"});
  // 003 §2.1-① 지원조건 (* 자체 구축 후 수준확인: 동일 수준이라도 '고도화' 신청 가능, 수준별 1회 인정).
  add("smart_factory.self_built_exception_used", T::list, &level_vocabulary(), false,
      {"자체구축·수준확인 예외로 동일 수준 '고도화' 지원을 이미 받은 수준은?",
       "Levels at which the self-built, level-certified route to 'advanced' was already used?"});
  // 003 §2.1-⑤ 사업개요 (* '25~'26년도 「도약(Jump-Up) 프로그램」 지원기업으로 선정된 기업).
  add("jump_up_year", T::number, nullptr, false,
      {"도약(Jump-Up) 프로그램 지원기업으로 선정된 연도는? (가장 최근)",
       "In which year was it selected for the Jump-Up program (the latest)?"});
  // 003 §2.1-⑧·⑨ 주관기관 (대기업·중견기업·공공기관·민간기관): the organisation that leads the build with the SME.
  static const Vocabulary kLeadOrganisations{"lead organisation",
                                             false,
                                             {{"none", "없음", {"주관기관 없음", "no lead organisation"}},
                                              {"large", "대기업", {"대기업", "large company"}},
                                              {"midsize", "중견기업", {"중견기업", "midsize company"}},
                                              {"public", "공공기관", {"공공기관", "public body"}},
                                              {"private", "민간기관", {"민간기관", "private body"}},
                                              {"sme", "중소기업", {"중소기업", "SME"}}}};
  add("consortium.lead_organisation", T::choice, &kLeadOrganisations, false,
      {"함께 구축하는 주관기관은? (대기업·중견기업·공공기관·민간기관·중소기업·없음)",
       "Which lead organisation does it build with? (large, midsize, public body, private body, SME, none)"});
  // 003 §2.1-⑩ 사업개요 (지원 대상: 중소·중견 제조기업(5개 이상)으로 구성된 컨소시엄).
  add("consortium.sme_manufacturers", T::number, nullptr, false,
      {"컨소시엄 참여기업 중 중소·중견 제조기업 수는?",
       "How many consortium members are SME or midsize manufacturers?"});
  // 003 §2.1-⑩ 유의사항 (참여기업 간 '상호협력 계약' 체결).
  add("consortium.cooperation_agreement", T::boolean, nullptr, false,
      {"참여기업 간 상호협력 계약(지식재산권·영업비밀 등 권리·의무와 역할 분담)을 체결했는가?",
       "Have the members signed a mutual cooperation agreement (IP, trade secrets, rights, duties and roles)?"});
  // 003 §2.1-⑪ 유의사항 (컨소시엄 구성 시 해당 국가연구개발사업 수행 기업 참여 필수).
  add("consortium.rnd_performer", T::boolean, nullptr, false,
      {"컨소시엄에 활용 기술을 개발한 국가연구개발사업 수행기업이 참여하는가?",
       "Does the consortium include the company that carried out the national R&D project behind the technology?"});
  // (end of the 2026 §2.1 facts)
  // Facts added by the 2026 audit of §2.2–§2.12 (issue #13).
  add("manufacturing_related", T::boolean, nullptr, false,
      {"제조업(KSIC 10~34)이 아니라면, 제조와 관련된 사업을 하는 기업(제조관련 기업)인가?",
       "If its main industry is not manufacturing (KSIC 10–34), is it a manufacturing-related business?"});
  add("data_processing_capable", T::boolean, nullptr, false,
      {"제조데이터 가공(표준화 포함) 기술·인력 등 데이터 가공 서비스 지원체계를 갖추었는가?",
       "Does it have the technology and staff to process (and standardise) manufacturing data as a service?"});
  // 003 §2.3 ② and 000 §2 ⑥-1: '정부 지원 없이 자발적으로 고도화를 추진하여 스마트화 수준 상승이 기대되는 기업'.
  add("smart_factory.voluntary_upgrade", T::boolean, nullptr, false,
      {"정부 지원 없이 자발적으로 고도화를 추진해 스마트화 수준 상승이 기대되는가?",
       "Is it upgrading its smart factory on its own, without government support, so that its level should rise?"});
  add("smart_factory.level_certificate_expired", T::boolean, nullptr, false,
      {"스마트공장 수준확인서를 받은 적이 있고 그 유효기간이 만료되었는가?",
       "Did it hold a smart factory level certificate whose validity has now expired?"});
  add("consortium.sme_suppliers", T::number, nullptr, false,
      {"컨소시엄 공급기업 중 중소기업 수는? (신청기업 포함)",
       "How many of the consortium's suppliers are SMEs (the applicant included)?"});
  add("consortium.sme_demo_companies", T::number, nullptr, false,
      {"컨소시엄 실증(수요)기업 중 중소기업 수는? (신청기업 포함)",
       "How many of the consortium's demonstration (demand-side) companies are SMEs (the applicant included)?"});
  add("consortium.large_companies", T::number, nullptr, false,
      {"컨소시엄 공급·실증(수요)기업 중 대기업 수는? (클라우드사업자·협력기관·연구기관 제외)",
       "How many of the consortium's suppliers and demonstration companies are large companies (cloud "
       "providers, partner institutions and research bodies aside)?"});
  add("consortium.partner_institution", T::boolean, nullptr, false,
      {"컨소시엄에 협력기관이 참여하는가?", "Does a partner institution take part in the consortium?"});
  add("consortium.research_institution", T::boolean, nullptr, false,
      {"컨소시엄에 산·학·연·협 등 공동 연구기관이 참여하는가?",
       "Does a joint research body (university, institute, association) take part in the consortium?"});
  add("plan.manual_process_automation", T::boolean, nullptr, false,
      {"계획이 수작업 공정을 자동화하는 설비 구축인가? (단순 범용 장비·설비의 구입·교체가 아님)",
       "Does the plan build automation for a manual process (not a simple purchase or replacement of "
       "general-purpose equipment)?"});
  add("plan.commercialised_solution", T::boolean, nullptr, false,
      {"클라우드로 전환할 제조솔루션을 보유하고 사업화(판매) 중인가?",
       "Does it own, and already sell, the manufacturing solution it would move to the cloud?"});
  add("plan.smart_factory_program", T::boolean, nullptr, false,
      {"스마트공장 구축지원사업에 참여할 계획인가?", "Does it plan to join a smart factory build program?"});
  add("plan.ai_smart_factory_program", T::boolean, nullptr, false,
      {"AI를 도입하는 스마트공장 구축지원사업에 참여할 계획인가?",
       "Does it plan to join a smart factory build program that brings in AI?"});
  add("plan.theme_match", T::boolean, nullptr, false,
      {"제안할 과제가 공고의 테마(사전 수요조사로 도출된 테마정의서)에 해당하는가?",
       "Does the proposed project fit one of the notice's themes (from the demand survey)?"});
  {
    static const Vocabulary service_fields{
        "smart service field",
        false,
        {{"bm_creation", "BM 창출", {"BM 창출 (신규 서비스 개발·제공)", "new business model (new services)"}},
         {"service_delivery",
          "서비스 전달체계 개선",
          {"서비스 전달체계 개선 (물류·공급망, 마케팅·영업·고객서비스)",
           "service delivery (logistics and supply chain, marketing, sales, customer service)"}},
         {"other", "기타", {"그 밖의 분야", "another field"}}}};
    add("plan.smart_service_field", T::choice, &service_fields, false,
        {"스마트서비스 과제의 분야는? (BM 창출·서비스 전달체계 개선·기타)",
         "Field of the smart service project? (new business model, service delivery, other)"});
    static const Vocabulary agent_fields{"multi AI agent field",
                                         false,
                                         {{"food", "식품", {"식품", "food"}},
                                          {"beauty", "뷰티", {"뷰티", "beauty"}},
                                          {"pharma", "제약", {"제약", "pharmaceuticals"}},
                                          {"auto_parts", "자동차부품", {"자동차부품", "auto parts"}},
                                          {"other", "기타", {"그 밖의 분야", "another field"}}}};
    add("plan.ai_agent_field", T::choice, &agent_fields, false,
        {"Multi AI Agent 과제의 분야는? (식품·뷰티·제약·자동차부품·기타)",
         "Field of the multi AI agent project? (food, beauty, pharmaceuticals, auto parts, other)"});
  }
  // (end of the 2026 §2.2–§2.12 facts)
  // Facts added by the audit of 2023, 2021 and 2024 (issue #13).
  // 000 §1-5, 001 §2 부적격 사항: '개별 사업공고에서 신청제한 또는 지원제외 사항 등에 해당하는 경우'.
  add("status.notice_exclusion", T::boolean, nullptr, false,
      {"개별(세부) 사업공고의 신청제한·지원제외 사항에 해당하는가?",
       "Does it fall under a restriction or exclusion of the program's detailed notice?"});
  // 000 §2 ⑥-3, 004 §3 신청자격 ①·③: '사업에 참여하여 사업을 완료한'.
  add("smart_factory.project_completed", T::boolean, nullptr, false,
      {"기존 스마트공장 구축 지원사업(정부·지자체)을 완료했는가?",
       "Did it complete its past government or local-government smart factory project?"});
  // 004 §3 신청자격 ③: '‘23년 이후 지자체 스마트공장(기초)사업에 참여하여'.
  add("smart_factory.project_year", T::number, nullptr, false,
      {"기존 스마트공장 구축 지원사업(정부·지자체)에 참여한 연도는? (예: 2023)",
       "In which year did it join its past government or local-government smart factory project? (e.g. 2023)"});
  // 000 §2 ①-1 … ③ 동일수준 각주: '목표수준을 초과 달성했던 기업(기초사업 완료 후 … 중간1이상으로 측정된 기업)'.
  add("smart_factory.exceeded_basic_target", T::boolean, nullptr, false,
      {"정부지원 기초 구축사업을 마친 뒤 스마트화 수준이 중간1 이상으로 측정되었는가?",
       "After a government-supported basic build, was its level measured at intermediate 1 or higher?"});
  // … '1회에 한해 목표수준에 맞는 지원금 지원'.
  add("smart_factory.exceeded_target_used", T::boolean, nullptr, false,
      {"목표수준 초과 달성 기업으로서 동일수준 재신청에 목표수준 지원금을 이미 받은 적이 있는가? (1회 한정)",
       "Has it already used its one-time full amount for a same-level reapplication after exceeding a target?"});
  // 001 §2 부적격 사항: '도입 솔루션과 장비가 연동이 안 되는 업체'.
  add("smart_factory.solution_linked", T::boolean, nullptr, false,
      {"도입(예정) 솔루션과 설비·장비가 연동되는가?",
       "Are the solutions it adopts linked with its machines and equipment?"});
  // 000 §2 ③ 사업개요: '대표기업(지역선도기업, 지역스타기업 등)을 중심으로'.
  add("consortium.lead_company", T::boolean, nullptr, false,
      {"컨소시엄을 이끄는 대표기업(지역선도기업·지역스타기업 등)이 있는가?",
       "Is the consortium built around a lead company (a regional leading or star company, …)?"});
  // 000 §2 ③ 지원대상: '대표기업, 참여기업, 기획기관으로 구성된 컨소시엄'.
  add("consortium.planning_body", T::boolean, nullptr, false,
      {"컨소시엄에 기획기관이 참여하는가?", "Does a planning body take part in the consortium?"});
  // 000 §2 ③ 사업개요: '전후방 가치사슬이 밀접하게 연계되어 있는 참여기업 간 협업구조'.
  add("consortium.value_chain", T::boolean, nullptr, false,
      {"컨소시엄 참여기업들이 전후방 가치사슬(소재·부품→모듈→완성품, 연구개발→제조→유통 등)로 연계되어 있는가?",
       "Are the consortium's companies linked along one value chain (parts → modules → products, R&D → "
       "production → sales, …)?"});
  // 000 §2 ⑤ 지원대상: '공급기업(중소기업) 컨소시엄'.
  add("consortium.largest_supplier_size", T::choice, &size_vocabulary(), false,
      {"컨소시엄 공급기업 중 가장 큰 기업의 규모는? (소기업·중기업·중견기업·대기업)",
       "Size of the largest supplier in the consortium? (small, medium, midsize, large)"});
  // 000 §2 ⑤ 지원조건 각주: '자부담 중 공급기업 컨소시엄이 70%이상 부담 필수'.
  add("consortium.supplier_private_share", T::number, nullptr, false,
      {"민간부담금 중 공급기업 컨소시엄이 부담하는 비율(%)은?",
       "What share of the private contribution (%) do the consortium's suppliers pay?"});
  // 001 §2 지원제외대상: '다음 부적격 사항에 해당하는 경우 … * 도입 및 공급기업 모두 해당'.
  add("consortium.supplier_disqualified", T::boolean, nullptr, false,
      {"참여(예정) 공급기업 중 부적격 사항(휴·폐업, 국세·지방세 체납, 지원 제외 업종 등)에 해당하는 기업이 있는가?",
       "Does any (planned) supplier fall under the ineligibility list (suspended or closed, tax arrears, excluded "
       "industry, …)?"});
  // 001 §I 지원조건: '* 보안솔루션 구축 또는 연동 필수'.
  add("plan.security_solution", T::boolean, nullptr, false,
      {"구축 계획에 보안솔루션 구축 또는 연동이 들어 있는가?",
       "Does the build plan include building or linking a security solution?"});
  // 001 §6 기타사항 ③: '도입기업은 … KAMP와 연계할 수 있도록 관련 인프라를 구축'.
  add("plan.kamp_ready", T::boolean, nullptr, false,
      {"구축 계획에 KAMP(인공지능 제조 플랫폼) 연계 인프라가 들어 있는가?",
       "Does the build plan include the infrastructure to link with KAMP (Korea AI Manufacturing Platform)?"});
  // (end of the 2023, 2021 and 2024 facts)
  add("sme", T::boolean, nullptr, true, {"기업 규모는? (중소기업 여부)", "Company size? (is it an SME)"});
  add("manufacturing", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (제조업 여부)", "Main KSIC code? (is it manufacturing)"});
  add("root_industry", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (뿌리업종 여부, 5자리 또는 품목코드)",
       "Main KSIC code? (root industry, 5 digits or item code)"});
  add("industry_group", T::choice, &industry_groups(), true,
      {"주업종 KSIC 코드는? (주력·기타 업종)", "Main KSIC code? (main or other industry)"});
  add("excluded_industry", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (지원 제외 업종 여부)", "Main KSIC code? (excluded industry)"});
  add("service_business", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (서비스업 여부)", "Main KSIC code? (service business)"});
  add("entertainment_code", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (유흥·향락 영업을 포함하는 업종인지)",
       "Main KSIC code? (one that holds entertainment businesses in part)"});
  add("amusement_goods_code", T::boolean, nullptr, true,
      {"주업종 KSIC 코드는? (불건전 오락용품을 포함하는 업종인지)",
       "Main KSIC code? (one that holds unwholesome amusement goods in part)"});
  return f;
}

}  // namespace

const Vocabulary& level_vocabulary() {
  static const Vocabulary v = make_levels();
  return v;
}
const Vocabulary& size_vocabulary() {
  static const Vocabulary v = make_sizes();
  return v;
}
const Vocabulary& selection_vocabulary() {
  static const Vocabulary v = make_selections();
  return v;
}
const Vocabulary& region_vocabulary() {
  static const Vocabulary v = make_regions();
  return v;
}

const std::vector<FactDef>& all_facts() {
  static const std::vector<FactDef> facts = make_facts();
  return facts;
}

const FactDef* find_fact(std::string_view path) {
  // looked up for every cell and JSON key of a batch: a hash, not a scan of the list
  static const std::unordered_map<std::string_view, const FactDef*> by_path = [] {
    std::unordered_map<std::string_view, const FactDef*> m;
    for (const FactDef& f : all_facts()) m.emplace(f.path, &f);
    return m;
  }();
  auto it = by_path.find(path);
  return it == by_path.end() ? nullptr : it->second;
}

const FactDef& fact(std::string_view path) {
  const FactDef* f = find_fact(path);
  if (f == nullptr) std::abort();  // a typo in the engine itself, caught by every test
  return *f;
}

bool is_fact_group(std::string_view path) {
  // every prefix of a fact's path is a group (status, smart_factory, consortium, supplier, plan), so a
  // new group of facts can never be a key the loaders accept and then drop
  static const std::vector<std::string> groups = [] {
    std::vector<std::string> out;
    for (const FactDef& f : all_facts())
      for (size_t dot = f.path.find('.'); dot != std::string::npos; dot = f.path.find('.', dot + 1))
        if (std::find(out.begin(), out.end(), f.path.substr(0, dot)) == out.end()) out.push_back(f.path.substr(0, dot));
    return out;
  }();
  return std::find(groups.begin(), groups.end(), path) != groups.end();
}

}  // namespace sfgrant
