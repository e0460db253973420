#pragma once
/// A company profile: the facts the user gave (and the ones derived from them). A missing fact is
/// unknown, never assumed (SPEC §3).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfgrant/model/error.h"
#include "sfgrant/model/facts.h"
#include "sfgrant/model/money.h"

namespace sfgrant {

/// The value of one fact. Which member is meaningful follows the fact's FactType:
/// boolean → flag; number, money, choice (index into the vocabulary) → number;
/// text → text; list (choice indices or words) → items; money_list → amounts.
struct Value {
  bool flag = false;
  std::int64_t number = 0;
  std::string text;
  std::vector<std::int64_t> items;
  std::vector<Won> amounts;
};

/// The cost the company gave for one program or one track (`plan.costs`, SPEC §3): a fee, a
/// consultation or an R&D project whose cost is not the build budget. `key` is `program` or
/// `program:track`; the engine checks it names a program of the catalogue (engine/costs.h).
struct ProgramCost {
  std::string key;
  Won amount = 0;
  Location where;
};

class Profile {
 public:
  Profile();
  /// Back to no facts known, keeping the storage (batch reuses one profile row after row).
  void reset();

  bool has(const FactDef& f) const { return known_[static_cast<size_t>(f.index)] != 0; }
  const Value& get(const FactDef& f) const { return values_[static_cast<size_t>(f.index)]; }
  void set(const FactDef& f, Value v);
  /// set() in place, for a reader filling a reused profile cell by cell: `f` becomes known, given at
  /// `where`, and its value is returned emptied for the caller to fill; the storage is kept, so no
  /// Value and no copy of the file name is made.
  Value& overwrite(const FactDef& f, const Location& where);
  void clear(const FactDef& f);

  /// Where each fact was given (for error messages); empty file when unknown.
  const Location& where(const FactDef& f) const { return where_[static_cast<size_t>(f.index)]; }
  void set_where(const FactDef& f, Location loc) { where_[static_cast<size_t>(f.index)] = std::move(loc); }

  std::string name() const;
  /// The planned total cost, or the sum of the yearly costs when only those are given.
  std::optional<Won> total_cost() const;
  std::vector<Won> yearly_costs() const;

  /// `plan.costs`, in the order given.
  const std::vector<ProgramCost>& program_costs() const { return costs_; }
  /// The entry for exactly `key` (`program` or `program:track`), if given.
  const ProgramCost* program_cost(std::string_view key) const;
  /// Adds an entry, or replaces the one with the same key (the command line over the profile).
  void set_program_cost(ProgramCost cost);

 private:
  std::vector<Value> values_;
  std::vector<unsigned char> known_;  ///< not vector<bool>: read for every condition of every rule
  std::vector<Location> where_;
  std::vector<ProgramCost> costs_;
};

/// Parses one scalar for a fact (enum word in English or Korean, yes/no, number, amount, text)
/// and stores it. Throws Error at `where` with the offending text and what was expected.
void assign_fact(Profile& profile, const FactDef& fact, const std::string& text, const Location& where);
/// Stores a list fact (selections, same_level_used, yearly_costs) from its items.
void assign_list(Profile& profile, const FactDef& fact, const std::vector<std::string>& items,
                 const std::vector<Location>& where);

/// Stores one `plan.costs` entry: `key` is `program` or `program:track` (ids of lowercase letters,
/// digits and hyphens), `amount` an amount as people write it. Throws Error at `where` when either is
/// malformed or the key is given twice.
void assign_program_cost(Profile& profile, const std::string& key, const std::string& amount, const Location& where);

/// Parses yes/no as people write it (in a profile, a company list, a rule or an answer): the words
/// below, ASCII letters in either case.
std::optional<bool> parse_yes_no(const std::string& text);
/// The words parse_yes_no reads as yes (true, yes, y, 1, o, 예, 네, 있음, 유, 해당, ○, ◯) and as no
/// (false, no, n, 0, x, 아니오, 아니요, 없음, 무, 비해당, ×); the schema's patterns come from them.
const std::vector<std::string_view>& yes_words();
const std::vector<std::string_view>& no_words();

/// Checks a 사업자등록번호 (10 digits, `305-86-12345`): format and check digit.
/// Returns an explanation when it is wrong, nothing when it is valid.
std::optional<std::string> business_number_problem(const std::string& text);

/// Normalises a KSIC code: strips a section letter (`C29294` → `29294`); 2–5 digits or an
/// 8-digit item code. Returns nothing when it is not a KSIC code.
std::optional<std::string> normalize_ksic(const std::string& text);
/// A count as a profile gives it (employees, years): 1 to 9 decimal digits; nothing otherwise.
std::optional<std::int64_t> parse_count(std::string_view text);

}  // namespace sfgrant
