#include "robot/link.h"

namespace robot {

bool TxQueue::push(const uint8_t* data, size_t len, bool high_priority) {
  const size_t free_bytes = kSize - count_;
  const size_t needed = high_priority ? len : len + kReserve;
  if (len == 0 || needed > free_bytes) {
    ++dropped_;
    return false;
  }
  size_t tail = (head_ + count_) % kSize;
  for (size_t i = 0; i < len; ++i) {
    buf_[tail] = data[i];
    tail = (tail + 1) % kSize;
  }
  count_ += len;
  return true;
}

void TxQueue::flush(Board& board) {
  while (count_ > 0) {
    const size_t chunk = (head_ + count_ <= kSize) ? count_ : kSize - head_;
    const size_t n = board.serial_write(buf_ + head_, chunk);
    if (n > chunk) return;  // misbehaving board; keep state consistent
    head_ = (head_ + n) % kSize;
    count_ -= n;
    if (n < chunk) return;
  }
}

DedupeEntry* DedupeWindow::find(uint16_t seq, uint8_t msg_id, uint16_t content_crc) {
  for (DedupeEntry& e : entries_) {
    if (e.valid && e.seq == seq && e.msg_id == msg_id && e.content_crc == content_crc) return &e;
  }
  return nullptr;
}

DedupeEntry* DedupeWindow::find_seq(uint16_t seq, uint8_t msg_id) {
  for (DedupeEntry& e : entries_) {
    if (e.valid && e.seq == seq && e.msg_id == msg_id) return &e;
  }
  return nullptr;
}

DedupeEntry& DedupeWindow::insert(uint16_t seq, uint8_t msg_id, uint16_t content_crc) {
  // A new command reusing a remembered seq replaces that entry so lookups stay unambiguous.
  for (DedupeEntry& e : entries_) {
    if (e.valid && e.seq == seq) e.valid = false;
  }
  DedupeEntry& e = entries_[next_];
  next_ = (next_ + 1) % kWindow;
  e = DedupeEntry{seq, content_crc, 0, msg_id, 0, true};
  return e;
}

void DedupeWindow::clear() {
  for (DedupeEntry& e : entries_) e.valid = false;
  next_ = 0;
}

}  // namespace robot
