#include "robot/battery.h"

namespace robot {

namespace {
// Pack volts at soc = 0, 0.05, 0.1, 0.2, ... 1.0 (8 cells, typical LiFePO4 discharge plateau).
constexpr float kOcv[] = {20.0f, 24.0f, 25.6f, 25.9f, 26.1f, 26.2f, 26.3f, 26.4f, 26.6f, 26.8f, 27.0f, 27.6f};
constexpr float kSoc[] = {0.0f, 0.05f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f};
constexpr int kN = sizeof kOcv / sizeof kOcv[0];
}  // namespace

float pack_ocv_v(float soc) {
  if (soc <= 0) return kOcv[0];
  if (soc >= 1) return kOcv[kN - 1];
  for (int i = 1; i < kN; ++i) {
    if (soc <= kSoc[i]) {
      const float f = (soc - kSoc[i - 1]) / (kSoc[i] - kSoc[i - 1]);
      return kOcv[i - 1] + f * (kOcv[i] - kOcv[i - 1]);
    }
  }
  return kOcv[kN - 1];
}

float pack_soc_from_ocv(float volts) {
  if (volts <= kOcv[0]) return 0;
  if (volts >= kOcv[kN - 1]) return 1;
  for (int i = 1; i < kN; ++i) {
    if (volts <= kOcv[i]) {
      const float f = (volts - kOcv[i - 1]) / (kOcv[i] - kOcv[i - 1]);
      return kSoc[i - 1] + f * (kSoc[i] - kSoc[i - 1]);
    }
  }
  return 1;
}

void BatteryEstimator::boot(const BatteryReading& r) {
  last_ = r;
  // Compensate the internal resistance drop (about 50 mOhm) before reading the OCV table.
  const float ocv = static_cast<float>(r.voltage_mv) / 1000.0f - 0.05f * static_cast<float>(r.current_ma) / 1000.0f;
  soc_ = pack_soc_from_ocv(ocv);
  low_ = soc_pct() < low_pct_;
  low_edge_ = low_;
}

void BatteryEstimator::update(const BatteryReading& r, bool charger_contact, float dt) {
  last_ = r;
  charging_ = charger_contact && r.current_ma > 50;
  soc_ += static_cast<float>(r.current_ma) / 1000.0f * dt / 3600.0f / capacity_ah_;
  if (soc_ < 0) soc_ = 0;
  if (soc_ > 1) soc_ = 1;
  // Charger in constant-voltage phase with tapering current: the pack is full.
  if (charger_contact && r.voltage_mv >= 27500 && r.current_ma < 300) soc_ = 1;
  const uint8_t pct = soc_pct();
  const bool low = low_ ? pct < low_pct_ + 5 : pct < low_pct_;
  if (low != low_) {
    low_ = low;
    low_edge_ = true;
  }
}

uint8_t BatteryEstimator::soc_pct() const { return static_cast<uint8_t>(soc_ * 100.0f + 0.5f); }

bool BatteryEstimator::take_low_edge() {
  const bool e = low_edge_;
  low_edge_ = false;
  return e;
}

}  // namespace robot
