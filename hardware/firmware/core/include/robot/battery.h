#pragma once
#include <cstdint>

#include "robot/board.h"

namespace robot {

/** Open-circuit voltage of the reference 8S LiFePO4 pack (25.6 V nominal) at a state of charge 0..1. */
float pack_ocv_v(float soc);
/** Inverse of pack_ocv_v on its table (monotonic). */
float pack_soc_from_ocv(float volts);

/**
 * State of charge by coulomb counting, seeded from the open-circuit voltage at boot and re-anchored at
 * 100% when the charger reports a full pack. Low-battery flag with 5-point hysteresis.
 */
class BatteryEstimator {
 public:
  BatteryEstimator(float capacity_ah, uint8_t low_pct) : capacity_ah_(capacity_ah), low_pct_(low_pct) {}
  void boot(const BatteryReading& r);
  void update(const BatteryReading& r, bool charger_contact, float dt);
  uint8_t soc_pct() const;
  bool low() const { return low_; }
  bool charging() const { return charging_; }
  const BatteryReading& last() const { return last_; }
  /** True once when `low()` changed since the previous call. */
  bool take_low_edge();

 private:
  float capacity_ah_;
  uint8_t low_pct_;
  float soc_ = 1.0f;
  bool low_ = false;
  bool low_edge_ = false;
  bool charging_ = false;
  BatteryReading last_ = {0, 0};
};

}  // namespace robot
