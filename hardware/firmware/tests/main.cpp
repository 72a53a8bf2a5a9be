#include <cstring>

#include "test.h"

namespace t {
std::vector<Case>& registry() {
  static std::vector<Case> r;
  return r;
}
int failures = 0;
}  // namespace t

int main(int argc, char** argv) {
  const char* suite = argc > 1 ? argv[1] : nullptr;
  int ran = 0;
  for (const t::Case& c : t::registry()) {
    if (suite && std::strcmp(suite, c.suite) != 0) continue;
    const int before = t::failures;
    c.fn();
    ++ran;
    std::fprintf(stderr, "%s %s.%s\n", t::failures == before ? "ok  " : "FAIL", c.suite, c.name);
  }
  if (ran == 0) {
    std::fprintf(stderr, "no tests in suite %s\n", suite ? suite : "(all)");
    return 1;
  }
  return t::failures == 0 ? 0 : 1;
}
