#pragma once
#include <cstddef>
#include <cstdint>
#include <random>

namespace sim {

/** Line faults applied to bytes crossing the simulated cable, per direction. */
struct FaultConfig {
  double ber = 0;      ///< probability per bit of a flip
  double drop = 0;     ///< probability per byte of being dropped
  double garbage = 0;  ///< probability per byte of a random byte inserted before it
};

struct FaultStats {
  uint64_t bytes = 0;
  uint64_t flipped_bits = 0;
  uint64_t dropped = 0;
  uint64_t inserted = 0;
  uint64_t silenced = 0;
};

class LinkFaults {
 public:
  explicit LinkFaults(uint32_t seed) : rng_(seed) {}
  FaultConfig cfg;
  FaultStats stats;
  /** Appends the (possibly corrupted) bytes of `in` to `out`; `silent` drops everything. */
  template <typename Out>
  void apply(const uint8_t* in, size_t len, bool silent, Out& out) {
    for (size_t i = 0; i < len; ++i) {
      ++stats.bytes;
      if (silent) {
        ++stats.silenced;
        continue;
      }
      if (cfg.garbage > 0 && chance(cfg.garbage)) {
        out.push_back(static_cast<uint8_t>(rng_()));
        ++stats.inserted;
      }
      if (cfg.drop > 0 && chance(cfg.drop)) {
        ++stats.dropped;
        continue;
      }
      uint8_t b = in[i];
      if (cfg.ber > 0) {
        for (int k = 0; k < 8; ++k) {
          if (chance(cfg.ber)) {
            b = static_cast<uint8_t>(b ^ (1u << k));
            ++stats.flipped_bits;
          }
        }
      }
      out.push_back(b);
    }
  }

 private:
  bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
  std::mt19937 rng_;
};

}  // namespace sim
