#include "sfgrant/load/profile_jsonl.h"

#include <fmt/format.h>

#include <bitset>
#include <limits>
#include <nlohmann/json.hpp>

#include "sfgrant/load/profile_loader.h"
#include "sfgrant/model/suggest.h"

// JSON Lines rows to profiles (SPEC §8). Most rows are good: they are read in one pass with
// nlohmann's SAX parser straight into the profile. A row the fast pass does not take as it is
// (any problem, a repeated key, a number with a fraction) is read again the general way, which
// gives the message; so results and messages are those of the general way alone.

namespace sfgrant {

namespace {

using json = nlohmann::json;

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  throw Error(fmt::format("expected text, a whole number or true/false, found {}", v.dump()));
}

void json_group(const json& obj, const std::string& prefix, Profile& profile, const Location& at) {
  for (const auto& [key, value] : obj.items()) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (is_fact_group(path)) {
      if (value.is_null()) continue;
      if (!value.is_object()) throw Error(fmt::format("{}: expected an object", path));
      json_group(value, path, profile, at);
      continue;
    }
    if (path == "plan.costs") {  // a map, not a fact; the fast pass leaves it to this one
      if (value.is_null()) continue;
      if (!value.is_object()) throw Error("plan.costs: expected an object of program or program:track to an amount");
      for (const auto& [program, amount] : value.items()) {
        try {
          assign_program_cost(profile, program, scalar_text(amount), at);
        } catch (const Error& e) {
          throw Error(e.message().rfind("plan.costs", 0) == 0 ? e.message()
                                                              : fmt::format("plan.costs.{}: {}", program, e.message()));
        }
      }
      continue;
    }
    const FactDef* f = find_fact(path);
    if (f == nullptr || f->derived) {
      std::vector<std::string> names;
      for (const FactDef& d : all_facts())
        if (!d.derived) names.push_back(d.path);
      names.emplace_back("plan.costs");
      std::string message = fmt::format("unknown key \"{}\"", path);
      if (auto near = closest(path, names)) message += fmt::format("; did you mean \"{}\"?", *near);
      throw Error(message);
    }
    if (value.is_null()) continue;
    if (f->type == FactType::list || f->type == FactType::money_list) {
      if (!value.is_array()) throw Error(fmt::format("{}: expected a list", path));
      std::vector<std::string> items;
      for (const auto& item : value) {
        try {
          items.push_back(scalar_text(item));
        } catch (const Error& e) {
          throw Error(fmt::format("{}: {}", path, e.message()));
        }
      }
      assign_list(profile, *f, items, {at});
    } else {
      std::string text;
      try {
        text = scalar_text(value);
      } catch (const Error& e) {
        throw Error(fmt::format("{}: {}", path, e.message()));
      }
      assign_fact(profile, *f, text, at);
    }
  }
}

/// The general mapping: the whole object parsed, keys in nlohmann's (sorted) order, so the
/// first problem reported is the same whatever the order of the line's keys.
std::optional<std::string> map_parsed(const std::string& text, long line, const std::string& file, Profile& profile,
                                      const std::vector<std::string>* keep = nullptr,
                                      std::vector<std::string>* kept_json = nullptr,
                                      std::vector<std::string>* kept_text = nullptr) {
  json obj = json::parse(text, nullptr, false);
  if (obj.is_discarded()) return std::string("not valid JSON");
  if (!obj.is_object()) return std::string("expected one JSON object a line");
  if (keep != nullptr) {
    for (size_t k = 0; k < keep->size(); ++k) {
      const auto it = obj.find((*keep)[k]);
      if (it == obj.end()) continue;
      (*kept_json)[k] = it->dump();
      (*kept_text)[k] = it->is_string() ? it->get<std::string>() : it->is_null() ? "" : (*kept_json)[k];
      const std::string& key = (*keep)[k];
      if (!is_fact_group(key) && key != "plan.costs" && find_fact(key) == nullptr) obj.erase(it);
    }
  }
  try {
    json_group(obj, "", profile, Location{file, static_cast<int>(line), 0});
  } catch (const Error& e) {
    return e.message();
  } catch (const json::exception& e) {
    return std::string(e.what());
  }
  Diagnostics diags;
  check_profile(profile, Location{file, static_cast<int>(line), 0}, diags);
  if (diags.has_errors()) return diags.items().front().message;
  return std::nullopt;
}

/// The fast pass. Any event it does not expect makes it stop (returns false), and the caller
/// starts over with map_parsed.
class ProfileSax : public nlohmann::json_sax<json> {
 public:
  ProfileSax(Profile& profile, const Location& at) : profile_(profile), at_(at) {}

  bool start_object(std::size_t) override {
    if (depth_ == 0) return ++depth_, true;
    // a group (status, smart_factory, …) at the top level, and nothing deeper
    if (depth_ != 1 || group_.empty() || fact_ != nullptr) return false;
    prefix_ = group_;
    return ++depth_, true;
  }
  bool end_object() override {
    --depth_;
    prefix_.clear();
    group_.clear();
    return true;
  }
  bool key(string_t& k) override {
    fact_ = nullptr;
    group_.clear();
    if (depth_ == 1 && is_fact_group(k)) {
      if (!seen_group(k)) return false;
      group_ = k;
      return true;
    }
    path_.assign(prefix_);  // reuses path_'s storage: "smart_factory.target_level" is past the small-string size
    if (!prefix_.empty()) path_ += '.';
    path_ += k;
    fact_ = find_fact(path_);
    if (fact_ == nullptr || fact_->derived || static_cast<size_t>(fact_->index) >= seen_.size()) return false;
    if (seen_.test(static_cast<size_t>(fact_->index))) return false;  // a repeated key: the last one counts
    seen_.set(static_cast<size_t>(fact_->index));
    return true;
  }
  bool null() override {
    if (in_list_) return false;
    fact_ = nullptr;
    group_.clear();
    return depth_ >= 1;
  }
  bool boolean(bool b) override {
    if (fact_ == nullptr || in_list_ || fact_->type != FactType::boolean) return scalar(b ? "true" : "false");
    Value v;  // what assign_fact makes of "true" / "false", without the words
    v.flag = b;
    return typed(std::move(v));
  }
  bool number_integer(number_integer_t n) override {
    // a whole number of won, or a count as parse_count takes it (at most 9 digits): stored as it is;
    // anything else goes the way of text, which gives the message
    if (fact_ != nullptr && !in_list_ && n >= 0 &&
        (fact_->type == FactType::money || (fact_->type == FactType::number && n <= 999'999'999))) {
      Value v;
      v.number = n;
      return typed(std::move(v));
    }
    return scalar(std::to_string(n));
  }
  bool number_unsigned(number_unsigned_t n) override {
    if (n <= static_cast<number_unsigned_t>(std::numeric_limits<number_integer_t>::max()))
      return number_integer(static_cast<number_integer_t>(n));
    return scalar(std::to_string(n));
  }
  bool number_float(number_float_t, const string_t&) override { return false; }
  bool string(string_t& s) override { return scalar(s); }
  bool binary(binary_t&) override { return false; }
  bool start_array(std::size_t) override {
    if (fact_ == nullptr || in_list_ || (fact_->type != FactType::list && fact_->type != FactType::money_list))
      return false;
    in_list_ = true;
    items_.clear();
    return true;
  }
  bool end_array() override {
    in_list_ = false;
    return assign([&] { assign_list(profile_, *fact_, items_, {at_}); });
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool scalar(const std::string& text) {
    if (fact_ == nullptr) return false;
    if (in_list_) {
      items_.push_back(text);
      return true;
    }
    if (fact_->type == FactType::list || fact_->type == FactType::money_list) return false;
    return assign([&] { assign_fact(profile_, *fact_, text, at_); });
  }
  /// A value the JSON type already gives (a flag, a whole number): no text to parse.
  bool typed(Value v) {
    profile_.set(*fact_, std::move(v));
    profile_.set_where(*fact_, at_);
    fact_ = nullptr;
    return true;
  }
  template <class F>
  bool assign(F f) {
    try {
      f();
    } catch (const Error&) {
      return false;
    }
    fact_ = nullptr;
    return true;
  }
  bool seen_group(const std::string& g) {
    for (const std::string& s : groups_)
      if (s == g) return false;
    groups_.push_back(g);
    return true;
  }

  Profile& profile_;
  const Location& at_;
  int depth_ = 0;
  std::string group_;   ///< the group whose key was just read
  std::string prefix_;  ///< inside a group: its name
  std::string path_;
  const FactDef* fact_ = nullptr;  ///< the fact whose key was just read
  bool in_list_ = false;
  std::vector<std::string> items_;
  std::bitset<128> seen_;
  std::vector<std::string> groups_;
};

}  // namespace

std::optional<std::string> json_to_profile(const std::string& text, long line, const std::string& file,
                                           Profile& profile) {
  const Location at{file, static_cast<int>(line), 0};
  ProfileSax sax(profile, at);
  if (json::sax_parse(text, &sax)) {
    Diagnostics diags;
    check_profile(profile, at, diags);
    if (diags.has_errors()) return diags.items().front().message;
    return std::nullopt;
  }
  profile.reset();
  return map_parsed(text, line, file, profile);
}

std::optional<std::string> json_to_profile(const std::string& text, long line, const std::string& file,
                                           Profile& profile, const std::vector<std::string>& keep,
                                           std::vector<std::string>& kept_json, std::vector<std::string>& kept_text) {
  kept_json.assign(keep.size(), "null");
  kept_text.assign(keep.size(), "");
  if (keep.empty()) return json_to_profile(text, line, file, profile);
  // the general way only: the fast pass takes no key it does not know
  return map_parsed(text, line, file, profile, &keep, &kept_json, &kept_text);
}

}  // namespace sfgrant
