#include "sfgrant/load/column_names.h"

#include <stdexcept>
#include <unordered_map>

#include "sfgrant/model/suggest.h"
#include "sfgrant/text/unicode.h"

namespace sfgrant {

const std::vector<ColumnNames>& column_names() {
  // The Korean headers of every profile field, in the registry's order (facts.cpp). Spaces, case
  // and separators do not count (column_key): write each name once, the way people write it.
  // A test checks that every field given by users is here and that no two names collide.
  static const std::vector<ColumnNames> kNames = {
      {"name", {"회사명", "기업명", "업체명", "상호", "상호명"}},
      {"business_number", {"사업자등록번호", "사업자번호"}},
      {"size", {"기업규모", "규모", "기업 구분"}},
      {"ksic", {"업종코드", "표준산업분류", "표준산업분류코드", "KSIC 코드", "주업종코드"}},
      {"region", {"시·도", "지역", "소재지 시·도"}},
      {"city", {"시·군·구", "소재지 시·군·구"}},
      {"role", {"신청주체", "참여유형"}},
      {"status.business", {"영업상태", "휴·폐업"}},
      {"status.tax_arrears", {"체납", "체납여부", "국세·지방세 체납"}},
      {"status.sanctioned", {"참여제한", "참여제한여부"}},
      {"smart_factory.level", {"현재수준", "스마트공장 수준", "현재 스마트공장 수준"}},
      {"smart_factory.target_level", {"목표수준", "구축 목표수준"}},
      {"smart_factory.built_by", {"구축방식", "기존 구축방식"}},
      {"smart_factory.level_certified", {"수준확인서", "수준확인서 보유"}},
      {"smart_factory.exceeded_target", {"목표수준 초과달성"}},
      {"smart_factory.same_level_used", {"동일수준 지원이력", "동일수준 지원받은 수준"}},
      {"smart_factory.project_in_progress", {"구축사업 수행중", "사업 수행중"}},
      {"smart_factory.warranty_expired", {"하자보수 종료", "하자보수기간 종료"}},
      {"smart_factory.self_as_capable", {"자체 AS", "자체 AS 가능"}},
      {"smart_factory.collects_data", {"데이터 수집", "제조데이터 수집"}},
      {"selections", {"선정·확인서", "보유 선정·확인서", "선정이력"}},
      {"consortium.members", {"참여기업 수", "컨소시엄 참여기업 수"}},
      {"consortium.total_cost", {"컨소시엄 총사업비"}},
      {"consortium.others_government", {"다른 참여기업 정부지원금", "타 참여기업 정부지원금"}},
      {"supplier.other_projects", {"공급기업 기존 과제 수", "공급기업 과제 수"}},
      {"supplier.others_government", {"공급기업 기존 과제 국비", "공급기업 다른 과제 정부지원금"}},
      {"consortium.suppliers", {"공급기업 수", "컨소시엄 공급기업 수"}},
      {"consortium.demo_companies", {"실증기업 수", "컨소시엄 실증기업 수"}},
      {"consortium.cloud_provider", {"클라우드사업자", "클라우드사업자 참여"}},
      {"plan.total_cost", {"총사업비", "사업비"}},
      {"plan.yearly_costs", {"연차별 사업비", "연도별 사업비"}},
      {"status.unwholesome_amusement_goods", {"불건전 오락용품 제조"}},
      {"status.entertainment_business", {"유흥·향락 영업"}},
      {"smart_factory.self_built_exception_used", {"자체구축 예외 사용수준"}},
      {"jump_up_year", {"도약 선정연도", "도약프로그램 선정연도"}},
      {"consortium.lead_organisation", {"주관기관"}},
      {"consortium.sme_manufacturers", {"중소·중견 제조기업 수"}},
      {"consortium.cooperation_agreement", {"상호협력 계약"}},
      {"consortium.rnd_performer", {"국가R&D 수행기업 참여"}},
      {"manufacturing_related", {"제조관련 기업"}},
      {"data_processing_capable", {"데이터 가공 지원체계"}},
      {"smart_factory.voluntary_upgrade", {"자발적 고도화"}},
      {"smart_factory.level_certificate_expired", {"수준확인서 만료"}},
      {"consortium.sme_suppliers", {"중소 공급기업 수"}},
      {"consortium.sme_demo_companies", {"중소 실증기업 수"}},
      {"consortium.large_companies", {"대기업 수"}},
      {"consortium.partner_institution", {"협력기관", "협력기관 참여"}},
      {"consortium.research_institution", {"공동연구기관", "공동연구기관 참여"}},
      {"plan.manual_process_automation", {"수작업 공정 자동화"}},
      {"plan.commercialised_solution", {"솔루션 사업화"}},
      {"plan.smart_factory_program", {"스마트공장 구축사업 참여계획"}},
      {"plan.ai_smart_factory_program", {"AI 스마트공장 구축사업 참여계획"}},
      {"plan.theme_match", {"테마 해당", "공고 테마 해당"}},
      {"plan.smart_service_field", {"스마트서비스 분야"}},
      {"plan.ai_agent_field", {"AI 에이전트 분야", "멀티 AI 에이전트 분야"}},
      {"status.notice_exclusion", {"개별공고 제외", "세부공고 신청제한"}},
      {"smart_factory.project_completed", {"구축사업 완료", "기존 구축사업 완료"}},
      {"smart_factory.project_year", {"구축사업 참여연도", "기존 구축사업 참여연도"}},
      {"smart_factory.exceeded_basic_target", {"기초사업 후 중간1 이상"}},
      {"smart_factory.exceeded_target_used", {"초과달성 지원금 사용"}},
      {"smart_factory.solution_linked", {"솔루션·설비 연동"}},
      {"consortium.lead_company", {"대표기업"}},
      {"consortium.planning_body", {"기획기관"}},
      {"consortium.value_chain", {"가치사슬 연계"}},
      {"consortium.largest_supplier_size", {"최대 공급기업 규모"}},
      {"consortium.supplier_private_share", {"공급기업 민간부담 비율"}},
      {"consortium.supplier_disqualified", {"부적격 공급기업"}},
      {"plan.security_solution", {"보안솔루션"}},
      {"plan.kamp_ready", {"KAMP 연계"}},
  };
  return kNames;
}

std::string column_key(std::string_view header) {
  const std::string text = nfc(std::string(header));
  std::string key;
  key.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const std::string_view rest = std::string_view(text).substr(i);
    bool skipped = false;
    // NBSP, middle dot, full-width space, Hangul 아래아 (the dot Korean keyboards type), katakana middle dot
    for (std::string_view sep : {"\xC2\xA0", "\xC2\xB7", "\xE3\x80\x80", "\xE3\x86\x8D", "\xE3\x83\xBB"}) {
      if (rest.substr(0, sep.size()) == sep) {
        i += sep.size();
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    const char c = text[i++];
    if (c == ' ' || c == '\t' || c == '_' || c == '.' || c == '-') continue;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

namespace {

/// Every written name (path or Korean) by its key, and the written names in table order.
struct NameIndex {
  std::unordered_map<std::string, const FactDef*> field;
  std::unordered_map<std::string, std::string> written;
  std::vector<std::string> keys;
};

const NameIndex& name_index() {
  static const NameIndex index = [] {
    NameIndex ix;
    auto add = [&ix](std::string_view name, const FactDef* f) {
      std::string key = column_key(name);
      // two names that compare equal would make a header mean two fields: a mistake in the table
      if (!ix.field.emplace(key, f).second)
        throw std::logic_error("column names: \"" + std::string(name) + "\" collides with another name");
      ix.written.emplace(key, std::string(name));
      ix.keys.push_back(std::move(key));
    };
    // every field's path is a column name, whether or not the table gives it Korean ones
    for (const FactDef& f : all_facts())
      if (!f.derived) add(f.path, &f);
    for (const ColumnNames& c : column_names()) {
      const FactDef* f = find_fact(c.path);
      if (f == nullptr || f->derived)
        throw std::logic_error("column names: \"" + std::string(c.path) + "\" is not a profile field");
      for (std::string_view k : c.korean) add(k, f);
    }
    return ix;
  }();
  return index;
}

}  // namespace

const FactDef* column_field(std::string_view header) {
  const NameIndex& ix = name_index();
  auto it = ix.field.find(column_key(header));
  return it == ix.field.end() ? nullptr : it->second;
}

std::optional<std::string> closest_column_name(std::string_view header) {
  const NameIndex& ix = name_index();
  auto near = closest(column_key(header), ix.keys);
  if (!near) return std::nullopt;
  return ix.written.at(*near);
}

}  // namespace sfgrant
