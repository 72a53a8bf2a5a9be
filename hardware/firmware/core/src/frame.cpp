#include "robot/frame.h"

#include "robot/crc.h"

namespace robot {

size_t encode_frame_raw(FrameHeader h, const uint8_t* payload, size_t len, uint8_t schema_byte, uint8_t* out,
                        size_t cap) {
  if (len > proto::kMaxPayload) return 0;
  uint8_t raw[kMaxRawFrame];
  h.len = static_cast<uint8_t>(len);
  raw[0] = h.ver;
  raw[1] = h.flags;
  raw[2] = static_cast<uint8_t>(h.seq);
  raw[3] = static_cast<uint8_t>(h.seq >> 8);
  raw[4] = static_cast<uint8_t>(h.ack);
  raw[5] = static_cast<uint8_t>(h.ack >> 8);
  raw[6] = h.msg_id;
  raw[7] = h.len;
  for (size_t i = 0; i < len; ++i) raw[kHeaderSize + i] = payload[i];
  uint16_t crc = crc16(raw, kHeaderSize + len);
  crc = crc16_accumulate(crc, schema_byte);
  raw[kHeaderSize + len] = static_cast<uint8_t>(crc);
  raw[kHeaderSize + len + 1] = static_cast<uint8_t>(crc >> 8);
  const size_t raw_len = kHeaderSize + len + kCrcSize;
  if (cap < 1) return 0;
  const size_t n = cobs_encode(raw, raw_len, out, cap - 1);
  if (n == 0) return 0;
  out[n] = 0x00;
  return n + 1;
}

size_t encode_frame(FrameHeader h, const uint8_t* payload, size_t len, uint8_t* out, size_t cap) {
  const proto::MsgInfo* info = proto::msg_info(h.msg_id);
  return encode_frame_raw(h, payload, len, info ? info->schema_byte : 0, out, cap);
}

bool FrameParser::feed(uint8_t byte, Frame& out) {
  ++stats_.bytes;
  if (byte != 0x00) {
    if (overflow_) return false;
    if (n_ >= sizeof buf_) {
      overflow_ = true;
      ++stats_.overflows;
      last_error_ = ParseError::OVERFLOW;
      return false;
    }
    buf_[n_++] = byte;
    return false;
  }
  if (overflow_) {
    reset();
    return false;
  }
  if (n_ == 0) {
    ++stats_.empty;
    return false;
  }
  const bool ok = finish(out);
  n_ = 0;
  return ok;
}

bool FrameParser::finish(Frame& out) {
  uint8_t raw[kMaxRawFrame];
  const int len = cobs_decode(buf_, n_, raw, sizeof raw);
  if (len < 0) {
    ++stats_.cobs_errors;
    last_error_ = ParseError::COBS;
    return false;
  }
  const size_t raw_len = static_cast<size_t>(len);
  if (raw_len < kHeaderSize + kCrcSize) {
    ++stats_.length_errors;
    last_error_ = ParseError::TOO_SHORT;
    return false;
  }
  const size_t payload_len = raw_len - kHeaderSize - kCrcSize;
  if (raw[7] != payload_len) {
    ++stats_.length_errors;
    last_error_ = ParseError::LENGTH;
    return false;
  }
  const proto::MsgInfo* info = proto::msg_info(raw[6]);
  if (info == nullptr) {
    ++stats_.unknown_msg;
    last_error_ = ParseError::UNKNOWN_MSG;
    return false;
  }
  uint16_t crc = crc16(raw, kHeaderSize + payload_len);
  crc = crc16_accumulate(crc, info->schema_byte);
  const uint16_t got = static_cast<uint16_t>(raw[kHeaderSize + payload_len] |
                                            (static_cast<unsigned>(raw[kHeaderSize + payload_len + 1]) << 8));
  if (crc != got) {
    ++stats_.crc_errors;
    last_error_ = ParseError::CRC;
    return false;
  }
  if (raw[0] != proto::kProtocolVersion) {
    ++stats_.version_errors;
    last_error_ = ParseError::VERSION;
    return false;
  }
  out.h.ver = raw[0];
  out.h.flags = raw[1];
  out.h.seq = static_cast<uint16_t>(raw[2] | (static_cast<unsigned>(raw[3]) << 8));
  out.h.ack = static_cast<uint16_t>(raw[4] | (static_cast<unsigned>(raw[5]) << 8));
  out.h.msg_id = raw[6];
  out.h.len = raw[7];
  for (size_t i = 0; i < payload_len; ++i) out.payload[i] = raw[kHeaderSize + i];
  ++stats_.frames;
  last_error_ = ParseError::NONE;
  return true;
}

}  // namespace robot
