#pragma once
/// The program model: a year's catalogue of sub-programs, their tracks, money terms, schedules,
/// contacts and rules. Plain structs; the YAML loader fills them, the engine reads them.
#include <optional>
#include <string>
#include <vector>

#include "sfgrant/model/date.h"
#include "sfgrant/model/error.h"
#include "sfgrant/model/industries.h"
#include "sfgrant/model/lang.h"
#include "sfgrant/model/money.h"
#include "sfgrant/model/rule.h"

namespace sfgrant {

/// A background note says what a program is; a caveat qualifies an answer (an amount, a status) and
/// travels with it: table, --explain, JSON and batch show it.
enum class NoteKind { background, caveat };

struct Note {
  Text text;
  std::string source;
  NoteKind kind = NoteKind::background;
};

/// One row of a level-dependent cap table (레전드50+ 현재-목표 수준별 지원한도).
struct LevelCap {
  int from = 0;  ///< index in level_vocabulary()
  int to = 0;
  Won cap = 0;
  Location where;
};

struct Schedule {
  std::optional<Date> announce;
  std::optional<Date> apply_from;
  std::optional<Date> apply_to;
  bool rolling = false;
  Text selection;
  std::string source;
};

/// What a track's cost is: the smart-factory build budget the profile gives (`plan.total_cost`), or
/// the track's own cost (a fee, a consultation, a diagnosis, an R&D or service project) that has
/// nothing to do with that budget.
enum class CostBasis { build, own };

/// A limit on one party's contribution as the announcement states it, with the clause it comes from
/// (상생형 주관기관 현물출자 ≤ 주관기관 출연금의 20%; 클라우드 공급기업 컨소시엄 ≥ 자부담의 70%).
struct PartyLimit {
  Ratio share;
  std::string source;
};

/// A cap on a group the company is one member of, beside the track's cap per company (SPEC-extension
/// `group_cap`): 디지털 협업공장 "컨소시엄당 최대 10억 (총사업비 50% 이내)", 투자연계형 "공급기업 … 최대 3개
/// 과제(국비 최대 6억원)", 공급망 연계형 "기업당 2억원 한도 … 기업군 묶음의 일괄지원". The company's own
/// support is at most what the group has left after the other members (SPEC §5 extension).
struct GroupCap {
  enum class Per { consortium, supplier };
  Per per = Per::consortium;
  std::optional<Won> cap;      ///< the group's cap as a sum; nothing when `per_member`
  bool per_member = false;     ///< the group's cap is the track's cap × consortium.members
  std::optional<Ratio> share;  ///< … and at most this share of the group's total cost
  std::string source;
};

struct Track {
  std::string id;
  Text name;
  std::string source;
  std::optional<int> months;
  std::optional<Won> cap;
  std::optional<Ratio> ratio;
  int years = 1;
  std::optional<Won> cap_per_year;
  std::vector<LevelCap> cap_by_level;
  std::string cap_by_level_source;
  std::optional<Ratio> large_company_min;               ///< 대중소 상생형: large company pays at least this share
  std::optional<Ratio> company_max;                     ///< … and the applicant at most this share
  std::optional<Ratio> in_kind_max;                     ///< of the private share
  std::optional<Ratio> company_cash_min;                ///< of the company's share
  std::string local_government;                         ///< 지자체 매칭, as the announcement writes it
  CostBasis cost = CostBasis::build;                    ///< `cost: own` in the YAML
  std::optional<PartyLimit> large_company_in_kind_max;  ///< of the large company's own contribution
  std::optional<PartyLimit> company_own_staff_max;      ///< own staff's wages, of the company's contribution
  std::optional<PartyLimit> supplier_private_min;       ///< the supplier consortium's part of the private share
  std::optional<PartyLimit> local_government_max;       ///< 지자체 매칭, at most this share of the total
  std::optional<GroupCap> group_cap;                    ///< a consortium's or a supplier's cap
  std::vector<Rule> rules;
  std::vector<Note> notes;
  std::optional<Schedule> schedule;  ///< when the track has a window of its own; else the program's
  Location where;

  bool has_money() const { return ratio.has_value() && (cap.has_value() || !cap_by_level.empty()); }
  bool three_party() const { return large_company_min.has_value() || company_max.has_value(); }
};

struct Agency {
  std::string lead;
  std::string operator_name;
  std::string phone;
  bool regional_center = false;
  std::string source;
};

struct Document {
  Text name;
  Text validity;
  std::string source;
};

struct HowToApply {
  Text where;
  std::vector<Document> documents;
  std::string source;
};

struct Program {
  std::string id;
  Text name;
  Text category;
  std::string source;
  std::optional<int> quota;
  Schedule schedule;
  Agency agency;
  HowToApply apply;
  std::vector<Note> notes;
  std::vector<Rule> rules;  ///< rule sets already expanded
  std::vector<Track> tracks;
  std::string file;

  const Track* find_track(const std::string& track_id) const;
};

/// 스마트제조혁신센터: where to apply and ask, by region and city.
struct Center {
  std::string id;
  Text name;
  std::vector<std::string> regions;
  std::vector<std::string> cities;  ///< when non-empty, only these cities of the regions
  std::string phone;
  std::string address;
  std::string source;
};

struct Announcement {
  std::string file;
  std::string title;
  std::string issued;
  /// An older announcement a year still relies on (the 2021 annex's 업종 구분표): the program year whose
  /// maintainer checked that it still applies, and why. See model/announcement_year.h.
  std::optional<int> reused_in;
  std::string reuse_reason;
};

/// Everything sfgrant knows about one program year.
struct Catalogue {
  int year = 0;
  std::vector<Announcement> announcements;
  std::vector<Program> programs;
  std::vector<Center> centers;
  IndustryTables industries;
  std::string folder;

  const Program* find_program(const std::string& id) const;
  /// The center for a region and city: one listing the city first, then one for the whole region.
  const Center* center_for(const std::string& region, const std::string& city) const;
};

}  // namespace sfgrant
