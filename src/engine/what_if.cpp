#include "sfgrant/engine/what_if.h"

#include <fmt/format.h>

#include <algorithm>

#include "sfgrant/engine/derive.h"
#include "sfgrant/model/suggest.h"

namespace sfgrant {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_items(const std::string& text) {
  std::string inner = trim(text);
  if (inner.size() >= 2 && inner.front() == '[' && inner.back() == ']') inner = inner.substr(1, inner.size() - 2);
  std::vector<std::string> items;
  if (trim(inner).empty()) return items;
  size_t start = 0;
  while (true) {
    const auto comma = inner.find(',', start);
    items.push_back(trim(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

/// The words of a list fact's current items, as assign_list reads them back.
std::vector<std::string> list_words(const FactDef& f, const Profile& profile) {
  std::vector<std::string> words;
  if (!profile.has(f)) return words;
  const Value& v = profile.get(f);
  if (f.type == FactType::money_list) {
    for (Won w : v.amounts) words.push_back(std::to_string(w));
  } else {
    for (auto idx : v.items) words.push_back(f.vocabulary->choices[static_cast<size_t>(idx)].id);
  }
  return words;
}

bool same_value(const FactDef& f, const Profile& a, const Profile& b) {
  if (a.has(f) != b.has(f)) return false;
  if (!a.has(f)) return true;
  const Value& x = a.get(f);
  const Value& y = b.get(f);
  switch (f.type) {
    case FactType::boolean:
      return x.flag == y.flag;
    case FactType::number:
    case FactType::money:
    case FactType::choice:
      return x.number == y.number;
    case FactType::text:
      return x.text == y.text;
    case FactType::list:
      return x.items == y.items;
    case FactType::money_list:
      return x.amounts == y.amounts;
  }
  return false;
}

}  // namespace

Setting parse_setting(const std::string& text) {
  Setting s;
  s.text = text;
  auto eq = text.find('=');
  if (eq == std::string::npos)
    throw Error(fmt::format("--set \"{}\": expected PATH=VALUE, e.g. smart_factory.target_level=intermediate2", text));
  std::string path = text.substr(0, eq);
  if (!path.empty() && path.back() == '+') {
    s.append = true;
    path.pop_back();
  }
  path = trim(path);
  s.value = trim(text.substr(eq + 1));
  const FactDef* f = find_fact(path);
  if (f == nullptr) {
    std::vector<std::string> paths;
    for (const FactDef& d : all_facts())
      if (!d.derived) paths.push_back(d.path);
    std::string message = fmt::format("--set \"{}\": unknown profile field \"{}\"", text, path);
    if (is_fact_group(path))
      message += fmt::format("; {} is a group, set one of its keys ({}.…)", path, path);
    else if (auto near = closest(path, paths))
      message += fmt::format("; did you mean \"{}\"?", *near);
    throw Error(message);
  }
  if (f->derived)
    throw Error(fmt::format("--set \"{}\": {} is derived by sfgrant; set {} instead", text, f->path,
                            f->path == "sme" ? "size" : "ksic"));
  if (s.append && f->type != FactType::list && f->type != FactType::money_list)
    throw Error(
        fmt::format("--set \"{}\": += adds to a list, and {} is not one; use {}=VALUE", text, f->path, f->path));
  if (s.append && s.value.empty()) throw Error(fmt::format("--set \"{}\": nothing to add", text));
  s.fact = f;
  return s;
}

void apply_setting(Profile& profile, const Setting& s) {
  const FactDef& f = *s.fact;
  const Location where{"--set " + s.text};
  if (!s.append && s.value.empty()) {
    profile.clear(f);
    return;
  }
  if (f.type == FactType::list || f.type == FactType::money_list) {
    std::vector<std::string> items = s.append ? list_words(f, profile) : std::vector<std::string>{};
    for (const std::string& item : split_items(s.value)) items.push_back(item);
    assign_list(profile, f, items, {where});
    return;
  }
  assign_fact(profile, f, s.value, where);
}

WhatIf what_if(const Catalogue& catalogue, const Profile& original, const Evaluation& before,
               const std::vector<Setting>& settings, const EvaluateOptions& options) {
  WhatIf w;
  w.settings = settings;
  w.changed = original;
  for (const Setting& s : settings) apply_setting(w.changed, s);
  derive_facts(w.changed, catalogue.industries);
  for (const FactDef& f : all_facts())
    if (!f.derived && !same_value(f, original, w.changed)) w.facts.push_back(&f);

  w.after = evaluate(catalogue, w.changed, options);
  // keep the programs the original evaluation shows (check --open filters them)
  std::vector<ProgramEvaluation> kept;
  for (ProgramEvaluation& pe : w.after.programs) {
    auto it = std::find_if(before.programs.begin(), before.programs.end(),
                           [&](const ProgramEvaluation& b) { return b.program == pe.program; });
    if (it == before.programs.end()) continue;
    ProgramChange c;
    c.program = pe.program;
    c.before = it->status;
    c.after = pe.status;
    const TrackEvaluation* tb = it->best_track();
    const TrackEvaluation* ta = pe.best_track();
    c.track_before = tb != nullptr ? tb->track : nullptr;
    c.track_after = ta != nullptr ? ta->track : nullptr;
    c.government_before = support_amount(*it);
    c.government_after = support_amount(pe);
    // a closed program's amount is not a change anybody can use: only compare open ones
    const bool amounts_matter = c.before != Status::ineligible || c.after != Status::ineligible;
    if (c.before != c.after ||
        (amounts_matter && (c.track_before != c.track_after || c.government_before != c.government_after)))
      w.changes.push_back(c);
    kept.push_back(std::move(pe));
  }
  w.after.programs = std::move(kept);
  return w;
}

}  // namespace sfgrant
