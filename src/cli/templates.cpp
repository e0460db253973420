#include "templates.h"

#include <cstdlib>
#include <filesystem>

#include "sfgrant/model/error.h"

namespace sfgrant::cli {
namespace fs = std::filesystem;

std::string resolve_templates_dir() {
  if (const char* env = std::getenv("SFGRANT_TEMPLATES"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  // relative to the executable: <prefix>/bin/sfgrant → <prefix>/share/sfgrant/templates
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "sfgrant" / "templates";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  if (fs::is_directory(SFGRANT_TEMPLATE_DIR, ec)) return SFGRANT_TEMPLATE_DIR;
  return SFGRANT_SOURCE_TEMPLATES;
}

PageTemplate load_template(const std::string& name, const std::string& custom, const std::vector<std::string>& names) {
  const std::string dir = resolve_templates_dir();
  if (!custom.empty()) return load_page_template(custom, dir, names);
  const fs::path shipped = fs::path(dir) / (name + ".mustache");
  std::error_code ec;
  if (!fs::is_regular_file(shipped, ec))
    throw Error(Location{shipped.string()},
                "the shipped template is missing (set $SFGRANT_TEMPLATES to the folder of report.html.mustache, or "
                "give --template FILE)");
  return load_page_template(shipped.string(), dir, names);
}

}  // namespace sfgrant::cli
