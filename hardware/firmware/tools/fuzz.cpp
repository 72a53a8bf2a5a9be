// Random-input fuzzer (no libFuzzer needed): feeds random bytes, mutated frames and structurally valid
// frames with random payloads to the parser and to the whole firmware, checking invariants.
// usage: fuzz [--seconds N] [--seed N]   prints one JSON line; exit 1 on a violated invariant.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

#include "rig.h"

int main(int argc, char** argv) {
  double seconds = 60;
  uint32_t seed = static_cast<uint32_t>(std::random_device{}());
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--seconds") == 0) seconds = std::atof(argv[i + 1]);
    else if (std::strcmp(argv[i], "--seed") == 0) seed = static_cast<uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
  }
  std::mt19937 rng(seed);
  const auto t0 = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  uint64_t bytes = 0, frames_sent = 0, rounds = 0, violations = 0;
  robot::FrameParser parser;
  robot::Frame f{};
  while (elapsed() < seconds) {
    ++rounds;
    // 1. Parser alone: pure noise, sometimes with few zeros so long runs hit the overflow path.
    for (int i = 0; i < 20000; ++i) {
      const uint8_t b = static_cast<uint8_t>(rounds % 2 ? rng() : (rng() % 512 == 0 ? 0 : rng() | 1));
      parser.feed(b, f);
      ++bytes;
    }
    // 2. Whole firmware: noise plus valid frames carrying random payloads (valid CRC, any content).
    rig::Rig r(static_cast<uint32_t>(rng()));
    // Odd rounds start with the e-stop cleared so that motion commands with random content execute.
    const bool live = rounds % 2 == 1;
    if (live) r.start_session();
    else r.hello(static_cast<uint32_t>(rng()));
    for (int step = 0; step < 300; ++step) {
      const int kind = static_cast<int>(rng() % 4);
      uint8_t buf[robot::kMaxWireFrame + 64];
      size_t n = 0;
      if (kind == 0) {
        n = rng() % sizeof buf;
        for (size_t i = 0; i < n; ++i) buf[i] = static_cast<uint8_t>(rng());
      } else {
        const proto::MsgInfo& m = proto::kMessages[rng() % proto::kMessageCount];
        uint8_t payload[proto::kMaxPayload];
        size_t len = m.min_len + rng() % (m.max_len - m.min_len + 1u);
        if (kind == 3) len = rng() % (proto::kMaxPayload + 1);
        for (size_t i = 0; i < len; ++i) payload[i] = static_cast<uint8_t>(rng());
        // Never send the e-stop reset confirm: the latch must hold through everything else.
        if (m.id == static_cast<uint8_t>(proto::MsgId::ESTOP_RESET) && len == 4 &&
            (payload[0] | payload[1] << 8 | payload[2] << 16 | static_cast<uint32_t>(payload[3]) << 24) ==
                proto::kEstopResetConfirm) {
          payload[0] ^= 1;
        }
        const robot::FrameHeader h{proto::kProtocolVersion, static_cast<uint8_t>(rng()), static_cast<uint16_t>(rng()),
                                   static_cast<uint16_t>(rng()), m.id, 0};
        n = robot::encode_frame(h, payload, len, buf, sizeof buf);
        if (kind == 2 && n > 2) buf[rng() % (n - 1)] ^= static_cast<uint8_t>(1u << (rng() % 8));
        ++frames_sent;
      }
      r.send_bytes(buf, n);
      bytes += n;
      r.run(1 + rng() % 20);
      const bool latched = r.fw.safety().estop_latched();
      if (std::getenv("FUZZ_DEBUG")) {
        std::fprintf(stderr, "live=%d latched=%d motors=%d pwm=%d,%d v=%.3f w=%.3f exec=%d mode=%d\n", live, latched,
                     r.fw.motors_enabled(), r.fw.pwm_left(), r.fw.pwm_right(), r.fw.commanded_v(), r.fw.commanded_w(),
                     r.fw.stats().max_exec_count, static_cast<int>(r.fw.mode()));
      }
      if (!live && !latched) ++violations;  // the latch holds without a valid ESTOP_RESET
      if (latched && r.fw.motors_enabled()) ++violations;
      if (std::abs(r.fw.pwm_left()) > 1000 || std::abs(r.fw.pwm_right()) > 1000) ++violations;
      if (std::fabs(r.fw.commanded_v()) > r.cfg.hard_max_linear_mps + 1e-3f) ++violations;
      if (std::fabs(r.fw.commanded_w()) > r.cfg.hard_max_angular_rps + 1e-3f) ++violations;
      if (r.fw.stats().max_exec_count > 1) ++violations;
    }
  }
  std::printf("{\"seconds\":%.1f,\"seed\":%u,\"rounds\":%llu,\"bytes\":%llu,\"frames\":%llu,\"violations\":%llu}\n",
              elapsed(), seed, static_cast<unsigned long long>(rounds), static_cast<unsigned long long>(bytes),
              static_cast<unsigned long long>(frames_sent), static_cast<unsigned long long>(violations));
  return violations == 0 ? 0 : 1;
}
