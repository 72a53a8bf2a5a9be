#pragma once
#include <cstddef>
#include <cstdint>

namespace robot {

/** CRC-16/MCRF4XX (MAVLink X.25 variant): reflected poly 0x8408, init 0xFFFF, no final xor. */
constexpr uint16_t kCrc16Init = 0xFFFF;

inline uint16_t crc16_accumulate(uint16_t crc, uint8_t byte) {
  uint8_t tmp = static_cast<uint8_t>(byte ^ static_cast<uint8_t>(crc & 0xFF));
  tmp = static_cast<uint8_t>(tmp ^ static_cast<uint8_t>(tmp << 4));
  return static_cast<uint16_t>((crc >> 8) ^ (static_cast<uint16_t>(tmp) << 8) ^ (static_cast<uint16_t>(tmp) << 3) ^
                               (tmp >> 4));
}

uint16_t crc16(const uint8_t* data, size_t len, uint16_t crc = kCrc16Init);

/** CRC-32 as zlib (used for the schema hash only). */
uint32_t crc32(const uint8_t* data, size_t len);

}  // namespace robot
