#include "sfgrant/load/profile_loader.h"

#include <fmt/format.h>

#include "profile_yaml.h"
#include "yaml_util.h"

namespace sfgrant {
namespace {

using detail::location_of;

std::vector<std::string> keys_under(const std::string& prefix) {
  std::vector<std::string> keys;
  for (const FactDef& f : all_facts()) {
    if (f.derived && !prefix.empty()) continue;
    const std::string& p = f.path;
    if (prefix.empty()) {
      auto dot = p.find('.');
      std::string top = dot == std::string::npos ? p : p.substr(0, dot);
      bool have = false;
      for (auto& k : keys) have = have || k == top;
      if (!have) keys.push_back(top);
    } else if (p.rfind(prefix + ".", 0) == 0) {
      keys.push_back(p.substr(prefix.size() + 1));
    }
  }
  if (prefix == "plan") keys.push_back("costs");  // plan.costs: a map, not a fact (Profile::program_costs)
  return keys;
}

void read_leaf(Profile& profile, const FactDef& f, const YAML::Node& node, const std::string& file,
               Diagnostics& diags) {
  if (node.IsNull()) return;  // `key:` with no value is unknown, like a missing key
  try {
    if (f.type == FactType::list || f.type == FactType::money_list) {
      if (!node.IsSequence()) {
        diags.error(location_of(node, file),
                    fmt::format("{}: expected a list like [a, b], found {}", f.path, detail::describe_kind(node)),
                    "wrong-type");
        return;
      }
      std::vector<std::string> items;
      std::vector<Location> where;
      for (const auto& item : node) {
        std::string s;
        if (!detail::read_scalar(item, file, f.path, s, diags)) return;
        items.push_back(s);
        where.push_back(location_of(item, file));
      }
      assign_list(profile, f, items, where);
      profile.set_where(f, location_of(node, file));
      return;
    }
    std::string s;
    if (!detail::read_scalar(node, file, f.path, s, diags)) return;
    assign_fact(profile, f, s, location_of(node, file));
  } catch (const Error& e) {
    diags.error(e.where(), e.message(), "invalid-value");
  }
}

/// `plan.costs`: program or program:track → amount.
void read_costs(Profile& profile, const YAML::Node& node, const std::string& file, Diagnostics& diags) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    diags.error(location_of(node, file),
                fmt::format("plan.costs: expected a map of program or program:track to an amount (e.g. level-check: "
                            "100만원), found {}",
                            detail::describe_kind(node)),
                "wrong-type");
    return;
  }
  for (const auto& kv : node) {
    std::string key, amount;
    if (!detail::read_scalar(kv.first, file, "plan.costs", key, diags)) continue;
    if (!detail::read_scalar(kv.second, file, "plan.costs." + key, amount, diags)) continue;
    try {
      assign_program_cost(profile, key, amount, location_of(kv.first, file));
    } catch (const Error& e) {
      diags.error(e.where(), e.message(), "invalid-value");
    }
  }
}

void read_map(Profile& profile, const YAML::Node& node, const std::string& prefix, const std::string& file,
              Diagnostics& diags) {
  const std::string context = prefix.empty() ? "profile" : prefix;
  if (!detail::check_map(node, file, context, keys_under(prefix), diags)) return;
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) continue;
    const std::string path = prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar();
    if (is_fact_group(path)) {
      if (kv.second.IsNull()) continue;
      read_map(profile, kv.second, path, file, diags);
    } else if (path == "plan.costs") {
      read_costs(profile, kv.second, file, diags);
    } else if (const FactDef* f = find_fact(path); f != nullptr && f->derived) {
      diags.error(location_of(kv.first, file),
                  fmt::format("\"{}\" is derived by sfgrant from {}; remove it from the profile", path,
                              path == "sme" ? "size" : "ksic"),
                  "derived-key");
    } else if (f != nullptr) {
      read_leaf(profile, *f, kv.second, file, diags);
    }
  }
}

}  // namespace

void check_profile(const Profile& profile, const Location& where, Diagnostics& diags) {
  static const FactDef& name = fact("name");
  static const FactDef& total = fact("plan.total_cost");
  static const FactDef& yearly = fact("plan.yearly_costs");
  if (!profile.has(name)) diags.error(where, "profile: \"name\" is required", "missing-key");
  // the sum is checked even without a total: it becomes the total (Profile::total_cost)
  if (profile.has(yearly) && !profile.get(yearly).amounts.empty()) {
    Won sum = 0;
    try {
      for (Won w : profile.get(yearly).amounts) sum = checked_add(sum, w);
    } catch (const Error&) {
      diags.error(profile.where(yearly), "plan.yearly_costs: the sum overflows", "bad-amount");
      return;
    }
    if (!profile.has(total)) return;
    Won t = profile.get(total).number;
    if (sum != t)
      diags.error(
          profile.where(yearly),
          fmt::format("plan.yearly_costs add up to {} but plan.total_cost is {}", format_korean(sum), format_korean(t)),
          "inconsistent");
  }
}

Profile load_profile(const std::string& text, const std::string& file, Diagnostics& diags) {
  Profile profile;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return profile;
  const YAML::Node& root = *parsed;
  return detail::read_profile_node(root, file, diags);
}

Profile detail::read_profile_node(const YAML::Node& root, const std::string& file, Diagnostics& diags) {
  Profile profile;
  if (!root.IsMap()) {
    diags.error(
        location_of(root, file),
        fmt::format("a profile must be a map of keys (name, size, ksic, …), found {}", detail::describe_kind(root)),
        "wrong-type");
    return profile;
  }
  read_map(profile, root, "", file, diags);
  check_profile(profile, location_of(root, file), diags);
  return profile;
}

Profile load_profile(const std::string& text, const std::string& file) {
  Diagnostics diags;
  Profile p = load_profile(text, file, diags);
  diags.throw_if_errors();
  return p;
}

}  // namespace sfgrant
