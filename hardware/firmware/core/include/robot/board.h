#pragma once
#include <cstddef>
#include <cstdint>

namespace robot {

/** Digital and analogue inputs sampled once per control tick. */
struct Inputs {
  bool bumper;           ///< any bumper switch closed
  bool estop_button;     ///< mushroom pressed (NC contact open); the same switch cuts motor power
  bool motor_fault;      ///< motor driver fault pin asserted
  bool charger_contact;  ///< dock contacts carry charger voltage
  uint16_t obstacle_mm;  ///< forward range sensor; 0xFFFF when nothing is in range
};

struct BatteryReading {
  uint16_t voltage_mv;
  int16_t current_ma;  ///< positive when charging, negative when discharging
};

constexpr uint16_t kNoObstacle = 0xFFFF;

/**
 * Everything the portable core needs from a board. Rules:
 * - Nothing may block: serial_read returns what is buffered (maybe 0), serial_write accepts what fits.
 * - millis() is monotonic and wraps at 2^32; the core only uses differences.
 * - Encoder counts are cumulative 32-bit and may wrap; the core uses wrapping differences.
 * - set_motors(false, ...) must leave both drivers disabled (coast/brake) whatever the PWM values.
 * - entropy() is called once per boot to derive the boot id; it must differ between boots.
 */
class Board {
 public:
  virtual ~Board() = default;
  virtual uint32_t millis() = 0;
  virtual size_t serial_read(uint8_t* buf, size_t cap) = 0;
  virtual size_t serial_write(const uint8_t* buf, size_t len) = 0;
  /** PWM duty in permille, -1000..1000; positive drives the wheel forward. */
  virtual void set_motors(bool enabled, int16_t left_permille, int16_t right_permille) = 0;
  virtual void read_encoders(int32_t& left, int32_t& right) = 0;
  virtual Inputs read_inputs() = 0;
  virtual BatteryReading read_battery() = 0;
  virtual uint32_t entropy() = 0;
};

}  // namespace robot
