// The catalogue snapshot: every model field written in one order by one function per struct, which
// both writes and reads (`visit`), so a field cannot be written and forgotten on the way back.
#include "sfgrant/load/catalogue_snapshot.h"

#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "sfgrant/model/facts.h"

namespace sfgrant {
namespace {

/// Bump when the model or the encoding changes. The size checks below fail the build when a model
/// struct grows or shrinks (a field added or removed) so that this file is looked at: add the field
/// to its `visit` and bump the format. A snapshot of another format is refused and rebuilt.
constexpr std::uint32_t kFormat = 1;
constexpr std::string_view kMagic = "sfgrant catalogue snapshot\n";
constexpr int kMaxDepth = 256;  ///< nesting of all/any/not in a snapshot's conditions

#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
#define SFGRANT_SNAPSHOT_SIZE(T, n) static_assert(sizeof(T) == (n), "snapshot: " #T " changed; see kFormat")
SFGRANT_SNAPSHOT_SIZE(Location, 40);
SFGRANT_SNAPSHOT_SIZE(Text, 64);
SFGRANT_SNAPSHOT_SIZE(Date, 12);
SFGRANT_SNAPSHOT_SIZE(Ratio, 8);
SFGRANT_SNAPSHOT_SIZE(Operand, 56);
SFGRANT_SNAPSHOT_SIZE(Condition, 176);
SFGRANT_SNAPSHOT_SIZE(Rule, 344);
SFGRANT_SNAPSHOT_SIZE(Note, 104);
SFGRANT_SNAPSHOT_SIZE(Schedule, 152);
SFGRANT_SNAPSHOT_SIZE(LevelCap, 56);
SFGRANT_SNAPSHOT_SIZE(PartyLimit, 40);
SFGRANT_SNAPSHOT_SIZE(GroupCap, 80);
SFGRANT_SNAPSHOT_SIZE(Track, 880);
SFGRANT_SNAPSHOT_SIZE(Agency, 136);
SFGRANT_SNAPSHOT_SIZE(Document, 160);
SFGRANT_SNAPSHOT_SIZE(HowToApply, 120);
SFGRANT_SNAPSHOT_SIZE(Program, 712);
SFGRANT_SNAPSHOT_SIZE(Center, 240);
SFGRANT_SNAPSHOT_SIZE(Announcement, 136);
SFGRANT_SNAPSHOT_SIZE(IndustryTable, 104);
SFGRANT_SNAPSHOT_SIZE(IndustryTables, 864);
SFGRANT_SNAPSHOT_SIZE(Catalogue, 976);
#undef SFGRANT_SNAPSHOT_SIZE
#endif

struct Corrupt {};  ///< thrown by Reader, caught in catalogue_from_snapshot

class Writer {
 public:
  static constexpr bool reading = false;
  void u64(std::uint64_t v) {
    for (int k = 0; k < 8; ++k) out_.push_back(static_cast<char>((v >> (8 * k)) & 0xff));
  }
  void i64(std::int64_t& v) { u64(static_cast<std::uint64_t>(v)); }
  void bytes(std::string& s) {
    u64(s.size());
    out_ += s;
  }
  void count(std::uint64_t& n) { u64(n); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  static constexpr bool reading = true;
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t u64() {
    if (in_.size() < 8) throw Corrupt{};
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[static_cast<size_t>(k)])) << (8 * k);
    in_.remove_prefix(8);
    return v;
  }
  void i64(std::int64_t& v) { v = static_cast<std::int64_t>(u64()); }
  void bytes(std::string& s) {
    const std::uint64_t n = u64();
    if (n > in_.size()) throw Corrupt{};
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
  }
  /// A list's length: every item takes at least 8 bytes, so a length past the end is corrupt
  /// (and never a huge allocation).
  void count(std::uint64_t& n) {
    n = u64();
    if (n > in_.size() / 8) throw Corrupt{};
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

template <class A>
void visit(A& a, std::string& v) {
  a.bytes(v);
}
template <class A>
void visit(A& a, std::int64_t& v) {
  a.i64(v);
}
template <class A>
void visit(A& a, int& v) {
  std::int64_t w = v;
  a.i64(w);
  if (!A::reading) return;  // a Writer never assigns: what it visits may be a const catalogue
  if (w < INT32_MIN || w > INT32_MAX) throw Corrupt{};
  v = static_cast<int>(w);
}
template <class A>
void visit(A& a, bool& v) {
  std::int64_t w = v ? 1 : 0;
  a.i64(w);
  if (!A::reading) return;
  if (w != 0 && w != 1) throw Corrupt{};
  v = w == 1;
}
/// An enum whose last value is `last`.
template <class A, class E>
void visit_enum(A& a, E& v, E last) {
  std::int64_t w = static_cast<std::int64_t>(v);
  a.i64(w);
  if (!A::reading) return;
  if (w < 0 || w > static_cast<std::int64_t>(last)) throw Corrupt{};
  v = static_cast<E>(w);
}
template <class A, class T>
void visit(A& a, std::optional<T>& v) {
  bool has = v.has_value();
  visit(a, has);
  if (A::reading) {
    v.reset();
    if (has) v.emplace();
  }
  if (has) visit(a, *v);
}
template <class A, class T>
void visit(A& a, std::vector<T>& v) {
  std::uint64_t n = v.size();
  a.count(n);
  if (A::reading) v.assign(n, T{});
  for (T& item : v) visit(a, item);
}
/// A fact as its index in all_facts(), 0 for none.
template <class A>
void visit_fact(A& a, const FactDef*& f) {
  std::int64_t w = f == nullptr ? 0 : f->index + 1;
  a.i64(w);
  if (!A::reading) return;
  const auto& facts = all_facts();
  if (w < 0 || w > static_cast<std::int64_t>(facts.size())) throw Corrupt{};
  f = w == 0 ? nullptr : &facts[static_cast<size_t>(w - 1)];
}

template <class A>
void visit(A& a, Location& v) {
  visit(a, v.file), visit(a, v.line), visit(a, v.column);
}
template <class A>
void visit(A& a, Text& v) {
  visit(a, v.ko), visit(a, v.en);
}
template <class A>
void visit(A& a, Date& v) {
  visit(a, v.year), visit(a, v.month), visit(a, v.day);
}
template <class A>
void visit(A& a, Ratio& v) {
  visit(a, v.basis_points);
}
template <class A>
void visit(A& a, Operand& v) {
  visit_fact(a, v.fact), visit(a, v.numbers), visit(a, v.texts);
}
template <class A>
void visit(A& a, Condition& v, int depth) {
  if (depth > kMaxDepth) throw Corrupt{};
  visit_enum(a, v.kind, Condition::Kind::never);
  std::uint64_t n = v.children.size();
  a.count(n);
  if (A::reading) v.children.assign(n, Condition{});
  for (Condition& child : v.children) visit(a, child, depth + 1);
  visit_fact(a, v.fact), visit_enum(a, v.op, CompareOp::lacks), visit(a, v.rhs), visit(a, v.text), visit(a, v.where);
}
template <class A>
void visit(A& a, Rule& v) {
  visit(a, v.id), visit(a, v.require, 0), visit(a, v.message), visit(a, v.source), visit(a, v.where);
}
template <class A>
void visit(A& a, Note& v) {
  visit(a, v.text), visit(a, v.source), visit_enum(a, v.kind, NoteKind::caveat);
}
template <class A>
void visit(A& a, Schedule& v) {
  visit(a, v.announce), visit(a, v.apply_from), visit(a, v.apply_to), visit(a, v.rolling), visit(a, v.selection);
  visit(a, v.source);
}
template <class A>
void visit(A& a, LevelCap& v) {
  visit(a, v.from), visit(a, v.to), visit(a, v.cap), visit(a, v.where);
}
template <class A>
void visit(A& a, PartyLimit& v) {
  visit(a, v.share), visit(a, v.source);
}
template <class A>
void visit(A& a, GroupCap& v) {
  visit_enum(a, v.per, GroupCap::Per::supplier), visit(a, v.cap), visit(a, v.per_member), visit(a, v.share);
  visit(a, v.source);
}
template <class A>
void visit(A& a, Track& v) {
  visit(a, v.id), visit(a, v.name), visit(a, v.source), visit(a, v.months), visit(a, v.cap), visit(a, v.ratio);
  visit(a, v.years), visit(a, v.cap_per_year), visit(a, v.cap_by_level), visit(a, v.cap_by_level_source);
  visit(a, v.large_company_min), visit(a, v.company_max), visit(a, v.in_kind_max), visit(a, v.company_cash_min);
  visit(a, v.local_government), visit_enum(a, v.cost, CostBasis::own), visit(a, v.large_company_in_kind_max);
  visit(a, v.company_own_staff_max), visit(a, v.supplier_private_min), visit(a, v.local_government_max);
  visit(a, v.group_cap), visit(a, v.rules), visit(a, v.notes), visit(a, v.schedule), visit(a, v.where);
}
template <class A>
void visit(A& a, Agency& v) {
  visit(a, v.lead), visit(a, v.operator_name), visit(a, v.phone), visit(a, v.regional_center), visit(a, v.source);
}
template <class A>
void visit(A& a, Document& v) {
  visit(a, v.name), visit(a, v.validity), visit(a, v.source);
}
template <class A>
void visit(A& a, HowToApply& v) {
  visit(a, v.where), visit(a, v.documents), visit(a, v.source);
}
template <class A>
void visit(A& a, Program& v) {
  visit(a, v.id), visit(a, v.name), visit(a, v.category), visit(a, v.source), visit(a, v.quota);
  visit(a, v.schedule), visit(a, v.agency), visit(a, v.apply), visit(a, v.notes), visit(a, v.rules);
  visit(a, v.tracks), visit(a, v.file);
}
template <class A>
void visit(A& a, Center& v) {
  visit(a, v.id), visit(a, v.name), visit(a, v.regions), visit(a, v.cities), visit(a, v.phone), visit(a, v.address);
  visit(a, v.source);
}
template <class A>
void visit(A& a, Announcement& v) {
  visit(a, v.file), visit(a, v.title), visit(a, v.issued), visit(a, v.reused_in), visit(a, v.reuse_reason);
}
template <class A>
void visit(A& a, IndustryTable& v) {
  visit(a, v.source), visit(a, v.codes), visit(a, v.notes);
  if (A::reading) v.index();  // as the loader leaves it
}
template <class A>
void visit(A& a, IndustryTables& v) {
  for (IndustryTable* t : {&v.manufacturing, &v.root_industry, &v.main_group, &v.other_group, &v.excluded_industry,
                           &v.service_business, &v.entertainment_in_part, &v.amusement_goods_in_part})
    visit(a, *t);
  visit(a, v.file);
}
template <class A>
void visit(A& a, Catalogue& v) {
  visit(a, v.year), visit(a, v.announcements), visit(a, v.programs), visit(a, v.centers), visit(a, v.industries);
  visit(a, v.folder);
}

std::string header(std::string_view key) {
  Writer w;
  std::string magic(kMagic), version(SFGRANT_VERSION), k(key);
  w.out() += magic;
  w.u64(kFormat);
  w.bytes(version);
  w.bytes(k);
  return w.out();
}

}  // namespace

std::string snapshot_frame(std::string_view body, std::string_view key) {
  Writer tail;
  tail.u64(body.size());
  tail.u64(XXH3_64bits(body.data(), body.size()));
  return header(key) + tail.out() + std::string(body);
}

std::string snapshot_bytes(const Catalogue& catalogue, std::string_view key) {
  Writer body;
  visit(body, const_cast<Catalogue&>(catalogue));  // NOLINT: a Writer only reads what it visits
  return snapshot_frame(body.out(), key);
}

std::optional<Catalogue> catalogue_from_snapshot(std::string_view bytes, std::string_view key) {
  const std::string head = header(key);
  if (bytes.size() < head.size() + 16 || bytes.substr(0, head.size()) != head) return std::nullopt;
  try {
    Reader r(bytes.substr(head.size()));
    const std::uint64_t size = r.u64();
    const std::uint64_t hash = r.u64();
    const std::string_view body = bytes.substr(head.size() + 16);
    if (size != body.size() || hash != XXH3_64bits(body.data(), body.size())) return std::nullopt;
    Reader in(body);
    Catalogue catalogue;
    visit(in, catalogue);
    if (!in.done()) return std::nullopt;
    return catalogue;
  } catch (const Corrupt&) {
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    return std::nullopt;
  }
}

}  // namespace sfgrant
