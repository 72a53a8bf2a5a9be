// doctest's runner for unit_tests and process_tests: `unit_tests -ts=safety`, `unit_tests -tc='cobs*'`,
// `unit_tests --help`. ctest runs one test case per entry (doctest_discover_tests in CMakeLists.txt).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
