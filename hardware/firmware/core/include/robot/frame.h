#pragma once
#include <cstddef>
#include <cstdint>

#include "messages.h"
#include "robot/cobs.h"

namespace robot {

/** Wire header, little-endian: ver u8 | flags u8 | seq u16 | ack u16 | msg_id u8 | len u8. */
struct FrameHeader {
  uint8_t ver;
  uint8_t flags;
  uint16_t seq;
  uint16_t ack;
  uint8_t msg_id;
  uint8_t len;
};

constexpr size_t kHeaderSize = 8;
constexpr size_t kCrcSize = 2;
constexpr size_t kMaxRawFrame = kHeaderSize + proto::kMaxPayload + kCrcSize;
/** COBS block plus the 0x00 delimiter. */
constexpr size_t kMaxWireFrame = cobs_max_encoded(kMaxRawFrame) + 1;

/**
 * Builds a wire frame: COBS(header | payload | crc16 LE) 0x00, where the CRC-16/MCRF4XX runs over header
 * and payload and then the schema byte. h.len is taken from `len`. Returns bytes written or 0.
 */
size_t encode_frame_raw(FrameHeader h, const uint8_t* payload, size_t len, uint8_t schema_byte, uint8_t* out,
                        size_t cap);

/** As encode_frame_raw with the schema byte of h.msg_id (0 if the id is unknown). */
size_t encode_frame(FrameHeader h, const uint8_t* payload, size_t len, uint8_t* out, size_t cap);

template <typename M>
size_t encode_message(const M& m, uint8_t flags, uint16_t seq, uint16_t ack, uint8_t* out, size_t cap) {
  uint8_t payload[proto::kMaxPayload];
  const int len = proto::encode(m, payload, sizeof payload);
  if (len < 0) return 0;
  FrameHeader h{proto::kProtocolVersion, flags, seq, ack, static_cast<uint8_t>(M::kId), 0};
  return encode_frame_raw(h, payload, static_cast<size_t>(len), M::kSchemaByte, out, cap);
}

struct Frame {
  FrameHeader h;
  uint8_t payload[proto::kMaxPayload];
};

enum class ParseError : uint8_t { NONE, COBS, TOO_SHORT, LENGTH, UNKNOWN_MSG, CRC, VERSION, OVERFLOW };

struct ParserStats {
  uint32_t bytes;
  uint32_t frames;
  uint32_t empty;
  uint32_t cobs_errors;
  uint32_t length_errors;
  uint32_t unknown_msg;
  uint32_t crc_errors;
  uint32_t version_errors;
  uint32_t overflows;
};

/**
 * Byte-at-a-time frame parser. Never repairs: any frame that fails COBS, length, id, CRC or version
 * checks is dropped and counted. Resynchronises on every 0x00; an over-long run is discarded up to the
 * next 0x00. Fixed memory, no allocation.
 */
class FrameParser {
 public:
  /** Returns true when `out` holds a complete, valid frame. */
  bool feed(uint8_t byte, Frame& out);
  const ParserStats& stats() const { return stats_; }
  ParseError last_error() const { return last_error_; }
  void reset() {
    n_ = 0;
    overflow_ = false;
  }

 private:
  bool finish(Frame& out);
  uint8_t buf_[kMaxWireFrame] = {};
  size_t n_ = 0;
  bool overflow_ = false;
  ParserStats stats_ = {};
  ParseError last_error_ = ParseError::NONE;
};

}  // namespace robot
