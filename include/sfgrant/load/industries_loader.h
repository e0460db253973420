#pragma once
/// Reads the KSIC tables (`programs/industries.yaml`), collecting every problem.
#include <string>

#include "sfgrant/model/diagnostics.h"
#include "sfgrant/model/industries.h"

namespace sfgrant {

IndustryTables load_industries(const std::string& text, const std::string& file, Diagnostics& diags);

}  // namespace sfgrant
