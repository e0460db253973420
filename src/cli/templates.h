#pragma once
/// Where the HTML pages' templates come from: `--template FILE`, else the shipped one, found like the
/// program data (README "Templates").
#include <string>
#include <vector>

#include "sfgrant/render/page_template.h"

namespace sfgrant::cli {

/// The shipped templates: $SFGRANT_TEMPLATES; <prefix>/share/sfgrant/templates beside the running
/// binary (<prefix>/bin/sfgrant); the configured install folder; the source tree's share/sfgrant/templates.
std::string resolve_templates_dir();

/// `custom` (--template FILE) when given, else the shipped `name` (report.html, batch-report.html),
/// read and checked: a template that does not parse or names a missing partial throws Error.
PageTemplate load_template(const std::string& name, const std::string& custom, const std::vector<std::string>& names);

}  // namespace sfgrant::cli
