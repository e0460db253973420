// centers.yaml: the 스마트제조혁신센터 of a year, by region and city.
#include <fmt/format.h>

#include "program_reader.h"
#include "sfgrant/load/data_keys.h"
#include "sfgrant/load/program_loader.h"
#include "sfgrant/model/facts.h"

namespace sfgrant {

std::vector<Center> load_centers(const std::string& text, const std::string& file, const YearContext& context,
                                 Diagnostics& diags) {
  std::vector<Center> out;
  const std::optional<YAML::Node> parsed = detail::parse_or_report(text, file, diags);
  if (!parsed) return out;
  const YAML::Node& root = *parsed;
  detail::YamlReader r(file, diags, detail::citations_of(context));
  if (!r.keys(root, "centers file", DataMap::centers_file)) return out;
  YAML::Node list = r.need(root, "centers", "centers file");
  if (!list) return out;
  if (!list.IsSequence()) {
    r.error(list, "centers: expected a list", "wrong-type");
    return out;
  }
  for (const auto& n : list) {
    if (!r.keys(n, "center", DataMap::center)) continue;
    Center c;
    if (auto id = r.need(n, "id", "center")) c.id = r.scalar(id, "center.id").value_or("");
    const std::string ctx = "center " + c.id;
    if (auto name = r.need(n, "name", ctx)) c.name = r.text(name, ctx + ".name", false);
    for (const char* key : {"regions", "cities"}) {
      YAML::Node v = n[key];
      if (!v) continue;
      if (!v.IsSequence()) {
        r.error(v, fmt::format("{}.{}: expected a list", ctx, key), "wrong-type");
        continue;
      }
      for (const auto& item : v) {
        auto s = r.scalar(item, ctx + "." + key);
        if (!s) continue;
        if (std::string(key) == "regions" && !region_vocabulary().find(*s))
          r.error(item,
                  fmt::format("{}.regions: \"{}\" is not a 시·도; expected one of {}", ctx, *s,
                              region_vocabulary().describe()),
                  "bad-region");
        (std::string(key) == "regions" ? c.regions : c.cities).push_back(*s);
      }
    }
    if (c.regions.empty()) r.error(n, ctx + ": \"regions\" is required", "missing-key");
    if (n["phone"]) c.phone = r.scalar(n["phone"], ctx + ".phone").value_or("");
    if (n["address"]) c.address = r.scalar(n["address"], ctx + ".address").value_or("");
    c.source = r.source(n, ctx);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sfgrant
