#pragma once
#include <map>
#include <string>

namespace sim {

/** A flat JSON object's members as text: strings unquoted, numbers/true/false/null verbatim. */
using FlatJson = std::map<std::string, std::string>;

/** Parses a single-level JSON object (no nesting). False on malformed input. */
bool parse_flat_json(const std::string& text, FlatJson& out);
std::string json_escape(const std::string& s);

}  // namespace sim
