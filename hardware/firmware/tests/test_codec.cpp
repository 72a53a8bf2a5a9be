#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include "messages.h"
#include "robot/cobs.h"
#include "robot/crc.h"
#include "robot/frame.h"

using namespace robot;

TEST_SUITE_BEGIN("codec");

TEST_CASE("crc_known_answers") {
  const uint8_t s[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
  CHECK_EQ(crc16(s, 9), 0x6F91);
  CHECK_EQ(crc32(s, 9), 0xCBF43926u);
}

TEST_CASE("schema_bytes_and_hash_match_their_strings") {
  std::vector<uint8_t> hash_input;
  for (const proto::MsgInfo& m : proto::kMessages) {
    const uint16_t c = crc16(reinterpret_cast<const uint8_t*>(m.schema), std::strlen(m.schema));
    CHECK_EQ(m.schema_byte, static_cast<uint8_t>((c & 0xFF) ^ (c >> 8)));
    hash_input.push_back(m.id);
    hash_input.push_back(m.schema_byte);
  }
  CHECK_EQ(crc32(hash_input.data(), hash_input.size()), proto::kSchemaHash);
}

static std::vector<uint8_t> enc(const std::vector<uint8_t>& in) {
  std::vector<uint8_t> out(cobs_max_encoded(in.size()));
  out.resize(cobs_encode(in.data(), in.size(), out.data(), out.size()));
  return out;
}

TEST_CASE("cobs_edge_cases") {
  CHECK(enc({}) == std::vector<uint8_t>({0x01}));
  CHECK(enc({0x00}) == std::vector<uint8_t>({0x01, 0x01}));
  CHECK(enc({0x00, 0x00}) == std::vector<uint8_t>({0x01, 0x01, 0x01}));
  CHECK(enc({0x11, 0x22, 0x00, 0x33}) == std::vector<uint8_t>({0x03, 0x11, 0x22, 0x02, 0x33}));
  std::vector<uint8_t> r254(254, 0x42);
  const std::vector<uint8_t> e254 = enc(r254);
  CHECK_EQ(e254.size(), 255u);
  CHECK_EQ(e254[0], 0xFF);
  std::vector<uint8_t> r255(255, 0x42);
  const std::vector<uint8_t> e255 = enc(r255);
  CHECK_EQ(e255.size(), 257u);
  CHECK_EQ(e255[255], 0x02);
  // Decoder rejects embedded zeros and codes that run past the end, and never overruns its output.
  uint8_t out[8];
  const uint8_t zero_inside[] = {0x03, 0x11, 0x00};
  CHECK_EQ(cobs_decode(zero_inside, 3, out, sizeof out), -1);
  const uint8_t overrun[] = {0x05, 0x11, 0x22};
  CHECK_EQ(cobs_decode(overrun, 3, out, sizeof out), -1);
  const uint8_t long_block[] = {0x0A, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  CHECK_EQ(cobs_decode(long_block, sizeof long_block, out, 4), -1);
  // Encoder refuses a too-small output buffer.
  uint8_t small[3];
  const uint8_t five[] = {1, 2, 3, 4, 5};
  CHECK_EQ(cobs_encode(five, 5, small, sizeof small), 0u);
}

TEST_CASE("cobs_random_round_trips") {
  std::mt19937 rng(3);
  for (int iter = 0; iter < 3000; ++iter) {
    std::vector<uint8_t> in(rng() % 700);
    const bool sparse = iter % 3 == 0;
    for (auto& b : in) b = sparse ? static_cast<uint8_t>(rng() % 4 == 0 ? 0 : rng()) : static_cast<uint8_t>(rng());
    const std::vector<uint8_t> e = enc(in);
    CHECK(e.size() <= cobs_max_encoded(in.size()));
    CHECK(std::find(e.begin(), e.end(), 0) == e.end());
    std::vector<uint8_t> back(in.size() + 1);
    const int n = cobs_decode(e.data(), e.size(), back.data(), back.size());
    CHECK_EQ(n, static_cast<int>(in.size()));
    back.resize(in.size());
    CHECK(back == in);
  }
}

TEST_CASE("every_message_round_trips_through_a_frame") {
  for (const proto::MsgInfo& m : proto::kMessages) {
    for (int v = 0; v < proto::kGoldenVariants; ++v) {
      uint8_t payload[proto::kMaxPayload];
      const int len = proto::golden_payload(m.id, v, payload, sizeof payload);
      CHECK((len >= m.min_len && len <= m.max_len));
      uint8_t wire[kMaxWireFrame];
      const FrameHeader h{proto::kProtocolVersion, 1, static_cast<uint16_t>(v * 1000), 7, m.id, 0};
      const size_t n = encode_frame(h, payload, static_cast<size_t>(len), wire, sizeof wire);
      CHECK((n > 0 && n <= kMaxWireFrame));
      CHECK_EQ(wire[n - 1], 0);
      FrameParser p;
      Frame f{};
      int got = 0;
      for (size_t i = 0; i < n; ++i) got += p.feed(wire[i], f) ? 1 : 0;
      CHECK_EQ(got, 1);
      CHECK_EQ(f.h.seq, h.seq);
      CHECK_EQ(f.h.msg_id, m.id);
      CHECK_EQ(f.h.len, len);
      CHECK(std::memcmp(f.payload, payload, static_cast<size_t>(len)) == 0);
      char json[4096];
      CHECK(proto::payload_to_json(m.id, f.payload, f.h.len, json, sizeof json) > 0);
      // Strict lengths: one byte more or less never decodes.
      CHECK(proto::payload_to_json(m.id, payload, static_cast<size_t>(len) + 1, json, sizeof json) < 0);
      if (len > 0) CHECK(proto::payload_to_json(m.id, payload, static_cast<size_t>(len) - 1, json, sizeof json) < 0);
    }
  }
}

TEST_CASE("array_count_above_max_is_rejected") {
  proto::FollowPath m{};
  m.waypoints_count = 24;
  uint8_t buf[proto::kMaxPayload];
  CHECK_EQ(proto::encode(m, buf, sizeof buf), -1);
  // A count byte of 24 on the wire with a matching length still fails to decode.
  uint8_t raw[7 + 24 * 10] = {};
  raw[6] = 24;
  proto::FollowPath out{};
  CHECK(!proto::decode(raw, sizeof raw, out));
}

TEST_CASE("single_bit_flips_are_always_rejected") {
  uint8_t payload[proto::kMaxPayload];
  int accepted = 0;
  for (const proto::MsgInfo& m : proto::kMessages) {
    const int len = proto::golden_payload(m.id, 3, payload, sizeof payload);
    uint8_t wire[kMaxWireFrame];
    const size_t n = encode_frame(FrameHeader{1, 0, 77, 0, m.id, 0}, payload, static_cast<size_t>(len), wire, sizeof wire);
    for (size_t i = 0; i + 1 < n; ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        uint8_t copy[kMaxWireFrame];
        std::memcpy(copy, wire, n);
        copy[i] = static_cast<uint8_t>(copy[i] ^ (1u << bit));
        FrameParser p;
        Frame f{};
        for (size_t k = 0; k < n; ++k) accepted += p.feed(copy[k], f) ? 1 : 0;
      }
    }
  }
  CHECK_EQ(accepted, 0);
}

TEST_CASE("parser_resyncs_through_random_garbage") {
  std::mt19937 rng(11);
  FrameParser p;
  Frame f{};
  int expected = 0;
  int got = 0;
  uint8_t payload[proto::kMaxPayload];
  for (int iter = 0; iter < 4000; ++iter) {
    const size_t garbage = rng() % 400;
    for (size_t i = 0; i < garbage; ++i) got -= p.feed(static_cast<uint8_t>(rng()), f) ? 0 : 0;
    p.feed(0x00, f);  // a delimiter ends whatever the garbage was
    const proto::MsgInfo& m = proto::kMessages[rng() % proto::kMessageCount];
    const int len = proto::golden_payload(m.id, static_cast<int>(rng() % 4), payload, sizeof payload);
    uint8_t wire[kMaxWireFrame];
    const size_t n = encode_frame(FrameHeader{1, 0, static_cast<uint16_t>(iter), 0, m.id, 0}, payload,
                                  static_cast<size_t>(len), wire, sizeof wire);
    ++expected;
    for (size_t i = 0; i < n; ++i) {
      if (p.feed(wire[i], f)) {
        got += (f.h.seq == static_cast<uint16_t>(iter) && f.h.msg_id == m.id) ? 1 : 0;
      }
    }
  }
  CHECK_EQ(got, expected);
  CHECK(p.stats().cobs_errors + p.stats().crc_errors + p.stats().length_errors + p.stats().unknown_msg > 1000);
}

TEST_SUITE_END();
