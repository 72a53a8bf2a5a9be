#include "sim.h"

#include <cmath>

#include "robot/battery.h"

namespace sim {

namespace {
constexpr float kPi = 3.14159265358979f;
}

World::World(const robot::RobotConfig& cfg, const WorldParams& p)
    : cfg_(cfg), p_(p), rng_(p.seed), truth_(p.start), soc_(p.start_soc) {}

void World::set_motors(bool enabled, int16_t left, int16_t right) {
  enabled_ = enabled;
  pwm_l_ = left;
  pwm_r_ = right;
}

bool World::charger_contact() const {
  const float dx = truth_.x - p_.dock.x;
  const float dy = truth_.y - p_.dock.y;
  return std::sqrt(dx * dx + dy * dy) < 0.05f && std::fabs(robot::wrap_angle(truth_.theta - p_.dock.theta)) < 0.3f;
}

void World::step(float dt) {
  // The e-stop mushroom and a driver fault cut motor power in hardware, whatever the MCU commands.
  const bool powered = enabled_ && !injected.estop_button && !injected.motor_fault;
  const float tl = powered ? static_cast<float>(pwm_l_) / 1000.0f * cfg_.max_wheel_speed_mps : 0.0f;
  const float tr = powered ? static_cast<float>(pwm_r_) / 1000.0f * cfg_.max_wheel_speed_mps : 0.0f;
  const float tau = powered ? p_.motor_tau_s : p_.brake_tau_s;
  wl_ += (tl - wl_) * (dt / tau);
  wr_ += (tr - wr_) * (dt / tau);
  if (!powered && std::fabs(wl_) < 1e-3f) wl_ = 0;
  if (!powered && std::fabs(wr_) < 1e-3f) wr_ = 0;
  // True wheel travel uses the true (slightly different) radii; encoders count wheel revolutions.
  const float dl = wl_ * dt * p_.left_scale;
  const float dr = wr_ * dt * p_.right_scale;
  const float ds = 0.5f * (dl + dr);
  const float dth = (dr - dl) / cfg_.track_m;
  const float mid = truth_.theta + 0.5f * dth;
  truth_.x += ds * std::cos(mid);
  truth_.y += ds * std::sin(mid);
  truth_.theta = robot::wrap_angle(truth_.theta + dth);
  const double counts_per_m = cfg_.encoder_counts_per_rev / (2.0 * kPi * cfg_.wheel_radius_m);
  enc_l_ += wl_ * dt * counts_per_m;
  enc_r_ += wr_ * dt * counts_per_m;
  // Battery: electronics idle draw plus motor current; the dock charges with tapering current.
  const float motor_a = 2.5f * (std::fabs(static_cast<float>(pwm_l_)) + std::fabs(static_cast<float>(pwm_r_))) / 1000.0f;
  float current = -(0.6f + (powered ? motor_a : 0.0f)) * p_.drain_factor;
  if (charger_contact()) current += soc_ < 0.95f ? 6.0f : 6.0f * (1.0f - soc_) / 0.05f + 0.1f;
  current_a_ = current;
  soc_ += current * dt / 3600.0f / cfg_.battery_capacity_ah;
  if (soc_ < 0) soc_ = 0;
  if (soc_ > 1) soc_ = 1;
}

void World::read_encoders(int32_t& left, int32_t& right) {
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  auto jitter = [&]() -> int32_t {
    const float r = u(rng_);
    if (r < p_.encoder_noise * 0.5f) return -1;
    if (r < p_.encoder_noise) return 1;
    return 0;
  };
  left = static_cast<int32_t>(static_cast<int64_t>(std::floor(enc_l_))) + jitter();
  right = static_cast<int32_t>(static_cast<int64_t>(std::floor(enc_r_))) + jitter();
}

uint16_t World::range_mm() const {
  // The sensor sits at the front edge of the body and looks straight ahead.
  const float c = std::cos(truth_.theta);
  const float s = std::sin(truth_.theta);
  const float sx = truth_.x + kRobotRadius * c;
  const float sy = truth_.y + kRobotRadius * s;
  float best = kRangeMax;
  for (const Obstacle& o : injected.obstacles) {
    const float dx = o.x - sx;
    const float dy = o.y - sy;
    const float ahead = c * dx + s * dy;
    const float side = -s * dx + c * dy;
    if (ahead <= 0) continue;
    const float centre = std::sqrt(dx * dx + dy * dy);
    // In the cone if the circle reaches the cone's edge line.
    if (std::fabs(side) - o.radius > ahead * std::tan(kRangeHalfAngle)) continue;
    const float d = centre - o.radius;
    if (d < best) best = d < 0.2f ? 0.2f : d;  // below 20 cm the sensor reads its minimum
  }
  return best < kRangeMax ? static_cast<uint16_t>(best * 1000.0f) : robot::kNoObstacle;
}

bool World::touching_obstacle() const {
  for (const Obstacle& o : injected.obstacles) {
    const float dx = o.x - truth_.x;
    const float dy = o.y - truth_.y;
    if (std::sqrt(dx * dx + dy * dy) < kRobotRadius + o.radius) return true;
  }
  return false;
}

robot::Inputs World::inputs() const {
  const uint16_t geometric = range_mm();
  const uint16_t range = injected.obstacle_mm < geometric ? injected.obstacle_mm : geometric;
  return robot::Inputs{injected.bumper || touching_obstacle(), injected.estop_button, injected.motor_fault,
                       charger_contact(), range};
}

robot::BatteryReading World::battery() const {
  const float v = robot::pack_ocv_v(soc_) + 0.05f * current_a_;
  // The current sense amplifier saturates at +-32 A (the i16 mA range of the protocol).
  const float ma = std::fmax(-32767.0f, std::fmin(32767.0f, current_a_ * 1000.0f));
  return robot::BatteryReading{static_cast<uint16_t>(v * 1000.0f), static_cast<int16_t>(ma)};
}

size_t SimBoard::serial_read(uint8_t* buf, size_t cap) {
  size_t n = 0;
  while (n < cap && !rx.empty()) {
    buf[n++] = rx.front();
    rx.pop_front();
  }
  return n;
}

size_t SimBoard::serial_write(const uint8_t* buf, size_t len) {
  size_t n = 0;
  while (n < len && tx.size() < tx_limit) tx.push_back(buf[n++]);
  return n;
}

void SimBoard::advance(uint32_t ms) {
  for (uint32_t i = 0; i < ms; ++i) {
    world_.step(0.001f);
    ++now_ms_;
  }
}

}  // namespace sim
