#pragma once
#include <cstddef>
#include <cstdint>

#include "robot/board.h"

namespace robot {

/**
 * Outgoing byte ring. Whole frames only: a frame either fits or is dropped and counted. Low-priority
 * frames (telemetry) must leave `kReserve` bytes free so acks and safety events still get through when
 * the host stops reading.
 */
class TxQueue {
 public:
#ifndef ROBOT_TX_QUEUE_SIZE
#define ROBOT_TX_QUEUE_SIZE 2048  // small-RAM boards (AVR) build with less
#endif
  static constexpr size_t kSize = ROBOT_TX_QUEUE_SIZE;
  static constexpr size_t kReserve = kSize * 3 / 8;
  bool push(const uint8_t* data, size_t len, bool high_priority);
  void flush(Board& board);
  void clear() { head_ = count_ = 0; }
  size_t used() const { return count_; }
  uint32_t dropped() const { return dropped_; }

 private:
  uint8_t buf_[kSize] = {};
  size_t head_ = 0;
  size_t count_ = 0;
  uint32_t dropped_ = 0;
};

/** One remembered command: enough to re-ack a duplicate without executing it again. */
struct DedupeEntry {
  uint16_t seq;
  uint16_t content_crc;  ///< CRC-16 of msg_id and payload: a reused seq with other content is a new command
  uint16_t exec_count;
  uint8_t msg_id;
  uint8_t result;
  bool valid;
};

/**
 * The last `kWindow` distinct commands, newest overwriting oldest (not keyed by seq modulo, so seqs spent
 * on heartbeats do not shrink the window). Cleared only by a HELLO with a different host_session.
 */
class DedupeWindow {
 public:
  static constexpr size_t kWindow = 128;
  /** The entry for this exact command, or nullptr when it was not seen (or fell out of the window). */
  DedupeEntry* find(uint16_t seq, uint8_t msg_id, uint16_t content_crc);
  /** Entry for seq regardless of content (to update the result of a long-running command). */
  DedupeEntry* find_seq(uint16_t seq, uint8_t msg_id);
  DedupeEntry& insert(uint16_t seq, uint8_t msg_id, uint16_t content_crc);
  void clear();

 private:
  DedupeEntry entries_[kWindow] = {};
  size_t next_ = 0;
};

}  // namespace robot
