#include "robot/cobs.h"

namespace robot {

size_t cobs_encode(const uint8_t* in, size_t len, uint8_t* out, size_t cap) {
  if (cap == 0) return 0;
  size_t code_pos = 0;
  size_t n = 1;
  uint8_t code = 1;
  for (size_t i = 0; i < len; ++i) {
    if (in[i] != 0) {
      if (n >= cap) return 0;
      out[n++] = in[i];
      ++code;
      if (code != 0xFF) continue;
      if (i + 1 == len) break;  // canonical form: a full final block gets no trailing marker
    }
    // A zero byte or a full 254-byte block closes the current block.
    out[code_pos] = code;
    if (n >= cap) return 0;
    code_pos = n++;
    code = 1;
  }
  out[code_pos] = code;
  return n;
}

int cobs_decode(const uint8_t* in, size_t len, uint8_t* out, size_t cap) {
  size_t i = 0;
  size_t n = 0;
  while (i < len) {
    const uint8_t code = in[i++];
    if (code == 0) return -1;
    for (uint8_t k = 1; k < code; ++k) {
      if (i >= len) return -1;
      const uint8_t b = in[i++];
      if (b == 0) return -1;
      if (n >= cap) return -1;
      out[n++] = b;
    }
    if (code != 0xFF && i < len) {
      if (n >= cap) return -1;
      out[n++] = 0;
    }
  }
  return static_cast<int>(n);
}

}  // namespace robot
