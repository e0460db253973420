// The geometry and grouping of `sfgrant report`: which group a program is shown in, the stacked bar
// of a split and the calendar's scale.
#include <algorithm>
#include <string_view>

#include "sfgrant/render/report.h"
#include "sfgrant/render/words.h"

namespace sfgrant {

namespace {

/// Each program `category` (its Korean text, as the program YAML writes it) and the group it is
/// shown in: 구축 · 자동화·로봇 · AI·데이터 · 컨설팅·진단 · R&D · 서비스.
struct CategoryGroup {
  std::string_view category;
  ProgramGroup group;
};
constexpr CategoryGroup kCategoryGroups[] = {
    {"스마트공장 구축", ProgramGroup::build},
    {"스마트공장 구축 (일반형)", ProgramGroup::build},
    {"스마트공장 구축 (특화형)", ProgramGroup::build},
    {"협업형 스마트공장 구축", ProgramGroup::build},
    {"선도형 스마트공장 구축 (고도화)", ProgramGroup::build},
    {"자동화 지원", ProgramGroup::automation},
    {"AI 응용제품 상용화", ProgramGroup::ai_data},
    {"제조데이터", ProgramGroup::ai_data},
    {"제조데이터 활용지원", ProgramGroup::ai_data},
    {"스마트공장 수준확인", ProgramGroup::consulting},
    {"수준확인·컨설팅 등 기타", ProgramGroup::consulting},
    {"공급기업 역량진단", ProgramGroup::consulting},
    {"제조DX 멘토단", ProgramGroup::consulting},
    {"기술개발(R&D)", ProgramGroup::rnd},
    {"스마트 서비스", ProgramGroup::service},
    {"클라우드 제조솔루션", ProgramGroup::service},
    {"공급기업 얼라이언스", ProgramGroup::service},
    {"스마트공장 사후관리 (AS)", ProgramGroup::service},
};

}  // namespace

ProgramGroup program_group(const Program& program) {
  for (const CategoryGroup& cg : kCategoryGroups)
    if (cg.category == program.category.ko) return cg.group;
  return ProgramGroup::other;
}

std::string group_label(ProgramGroup group, Lang lang) {
  const Labels l{lang};
  switch (group) {
    case ProgramGroup::build:
      return l.t("스마트공장 구축", "Smart factory build");
    case ProgramGroup::automation:
      return l.t("자동화·로봇", "Automation and robots");
    case ProgramGroup::ai_data:
      return l.t("AI·데이터", "AI and data");
    case ProgramGroup::consulting:
      return l.t("컨설팅·진단", "Consulting and diagnosis");
    case ProgramGroup::rnd:
      return l.t("R&D", "R&D");
    case ProgramGroup::service:
      return l.t("서비스", "Services");
    case ProgramGroup::other:
      break;
  }
  return l.t("기타", "Other");
}

std::string split_part_label(SplitPart part, Lang lang) {
  const Labels l{lang};
  switch (part) {
    case SplitPart::government:
      return l.t("정부", "government");
    case SplitPart::company:
      return l.t("기업", "company");
    case SplitPart::large_company:
      return l.t("대기업·주관기관", "large company / lead");
    case SplitPart::local_government:
      break;
  }
  return l.t("지자체", "local government");
}

std::vector<BarSegment> stacked_bar(const Split& split, int width) {
  std::vector<BarSegment> parts;
  auto add = [&](SplitPart part, Won amount) {
    if (amount > 0) parts.push_back({part, amount, 0, 0});
  };
  add(SplitPart::government, split.government);
  add(SplitPart::company, split.company);
  add(SplitPart::large_company, split.large_company.value_or(0));
  add(SplitPart::local_government, split.local_government.value_or(0));
  if (parts.empty() || width <= 0) return parts;
  // whole units by largest remainder: each part gets floor(width × amount / sum), the units left go
  // to the largest remainders, so the parts add up to the bar exactly
  long double sum = 0;
  for (const BarSegment& s : parts) sum += static_cast<long double>(s.amount);
  std::vector<std::pair<long double, size_t>> remainders;
  int used = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const long double scaled = static_cast<long double>(parts[i].amount) * width / sum;
    parts[i].width = static_cast<int>(scaled);
    used += parts[i].width;
    remainders.emplace_back(scaled - parts[i].width, i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; used < width; ++k, ++used) ++parts[remainders[k % remainders.size()].second].width;
  int x = 0;
  for (BarSegment& s : parts) {
    s.x = x;
    x += s.width;
  }
  return parts;
}

double calendar_x(const Date& date, int year, double width, bool end) {
  if (date.year < year) return 0;
  if (date.year > year) return width;
  double months = date.month - 1;
  if (date.day == 0) {
    if (end) months += 1;
  } else {
    const double days = days_in_month(date.year, date.month);
    months += (date.day - 1 + (end ? 1 : 0)) / days;
  }
  return months * width / 12;
}

}  // namespace sfgrant
