#pragma once
#include <cstddef>
#include <cstdint>

namespace robot {

/** Worst-case COBS output size for `len` input bytes (without the 0x00 delimiter). */
constexpr size_t cobs_max_encoded(size_t len) { return len + len / 254 + 1; }

/**
 * Consistent Overhead Byte Stuffing. Output contains no 0x00. Returns bytes written, or 0 if `cap` is
 * too small (the encoding of any input, even empty, is at least one byte).
 */
size_t cobs_encode(const uint8_t* in, size_t len, uint8_t* out, size_t cap);

/**
 * Decodes one COBS block (without delimiter). Returns bytes written, or -1 if the input contains
 * 0x00, a code overruns the input, or `cap` is too small. Never writes past `cap`.
 */
int cobs_decode(const uint8_t* in, size_t len, uint8_t* out, size_t cap);

}  // namespace robot
