#include "json_lite.h"

#include <cctype>

namespace sim {

namespace {
void skip_ws(const std::string& s, size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

bool parse_string(const std::string& s, size_t& i, std::string& out) {
  if (i >= s.size() || s[i] != '"') return false;
  ++i;
  out.clear();
  while (i < s.size() && s[i] != '"') {
    if (s[i] == '\\') {
      if (++i >= s.size()) return false;
      const char c = s[i];
      out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
    } else {
      out.push_back(s[i]);
    }
    ++i;
  }
  if (i >= s.size()) return false;
  ++i;
  return true;
}
}  // namespace

bool parse_flat_json(const std::string& s, FlatJson& out) {
  size_t i = 0;
  skip_ws(s, i);
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  skip_ws(s, i);
  if (i < s.size() && s[i] == '}') return true;
  while (i < s.size()) {
    std::string key;
    skip_ws(s, i);
    if (!parse_string(s, i, key)) return false;
    skip_ws(s, i);
    if (i >= s.size() || s[i] != ':') return false;
    ++i;
    skip_ws(s, i);
    std::string value;
    if (i < s.size() && s[i] == '"') {
      if (!parse_string(s, i, value)) return false;
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '}' && !std::isspace(static_cast<unsigned char>(s[i]))) {
        if (s[i] == '{' || s[i] == '[') return false;
        value.push_back(s[i++]);
      }
      if (value.empty()) return false;
    }
    out[key] = value;
    skip_ws(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < s.size() && s[i] == '}') return true;
    return false;
  }
  return false;
}

std::string json_escape(const std::string& s) {
  std::string o;
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      o.push_back('\\');
      o.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      o += ' ';
    } else {
      o.push_back(c);
    }
  }
  return o;
}

}  // namespace sim
