#pragma once
// Minimal test registry: TEST(suite, name) { CHECK(...); }. Run `unit_tests SUITE` (ctest does).
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace t {
struct Case {
  const char* suite;
  const char* name;
  std::function<void()> fn;
};
std::vector<Case>& registry();
extern int failures;
struct Reg {
  Reg(const char* s, const char* n, std::function<void()> f) { registry().push_back({s, n, std::move(f)}); }
};
}  // namespace t

#define TEST(suite, name)                                    \
  static void test_##suite##_##name();                       \
  static t::Reg reg_##suite##_##name(#suite, #name, test_##suite##_##name); \
  static void test_##suite##_##name()

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);   \
      ++t::failures;                                                           \
    }                                                                          \
  } while (0)

#define CHECK_EQ(a, b)                                                                          \
  do {                                                                                          \
    const auto va_ = (a);                                                                       \
    const auto vb_ = (b);                                                                       \
    if (!(va_ == vb_)) {                                                                        \
      std::fprintf(stderr, "  FAIL %s:%d: %s == %s (%lld vs %lld)\n", __FILE__, __LINE__, #a, #b, \
                   static_cast<long long>(va_), static_cast<long long>(vb_));                   \
      ++t::failures;                                                                            \
    }                                                                                           \
  } while (0)
