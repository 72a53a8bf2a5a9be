#include "robot/motion.h"

#include <cmath>

namespace robot {

namespace {
constexpr float kPi = 3.14159265358979f;

float approach(float current, float target, float up, float down, float dt) {
  // `up` limits growth of |value|, `down` limits its decay (including through zero).
  const bool away = (target > current && current >= 0) || (target < current && current <= 0);
  const float rate = away ? up : down;
  const float step = rate * dt;
  if (target > current) return (target - current > step) ? current + step : target;
  return (current - target > step) ? current - step : target;
}

float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }
}  // namespace

float wrap_angle(float a) {
  while (a > kPi) a -= 2 * kPi;
  while (a < -kPi) a += 2 * kPi;
  return a;
}

void Odometry::reset(int32_t left, int32_t right) {
  last_left_ = left;
  last_right_ = right;
  vl_ = vr_ = 0;
}

void Odometry::update(int32_t left, int32_t right, float dt) {
  const int32_t dl_counts = static_cast<int32_t>(static_cast<uint32_t>(left) - static_cast<uint32_t>(last_left_));
  const int32_t dr_counts = static_cast<int32_t>(static_cast<uint32_t>(right) - static_cast<uint32_t>(last_right_));
  last_left_ = left;
  last_right_ = right;
  const float per_count = 2.0f * kPi * cfg_.wheel_radius_m / cfg_.encoder_counts_per_rev;
  const float dl = static_cast<float>(dl_counts) * per_count;
  const float dr = static_cast<float>(dr_counts) * per_count;
  const float ds = 0.5f * (dl + dr);
  const float dth = (dr - dl) / cfg_.track_m;
  const float mid = pose_.theta + 0.5f * dth;
  pose_.x += ds * std::cos(mid);
  pose_.y += ds * std::sin(mid);
  pose_.theta = wrap_angle(pose_.theta + dth);
  distance_ += ds;
  if (dt > 0) {
    // First-order filter: encoder quantisation at 100 Hz is ~1.3 mm/s per count.
    const float alpha = 0.4f;
    vl_ += alpha * (dl / dt - vl_);
    vr_ += alpha * (dr / dt - vr_);
  }
}

void DriveController::set_target(float v, float w, bool braking) {
  target_v_ = clampf(v, -cfg_.hard_max_linear_mps, cfg_.hard_max_linear_mps);
  target_w_ = clampf(w, -cfg_.hard_max_angular_rps, cfg_.hard_max_angular_rps);
  braking_ = braking;
}

void DriveController::update(float dt, float meas_left, float meas_right, int16_t& pwm_left, int16_t& pwm_right) {
  const float down_v = braking_ ? cfg_.stop_decel_mps2 : cfg_.decel_mps2;
  const float down_w = braking_ ? cfg_.angular_stop_rps2 : cfg_.angular_accel_rps2;
  v_ = approach(v_, target_v_, cfg_.accel_mps2, down_v, dt);
  w_ = approach(w_, target_w_, cfg_.angular_accel_rps2, down_w, dt);
  const float half = 0.5f * cfg_.track_m;
  const float tl = v_ - w_ * half;
  const float tr = v_ + w_ * half;
  if (stopped()) {
    int_left_ = int_right_ = 0;
    pwm_left = pwm_right = 0;
    return;
  }
  const float k = 1000.0f / cfg_.max_wheel_speed_mps;
  const float el = tl - meas_left;
  const float er = tr - meas_right;
  int_left_ = clampf(int_left_ + el * dt, -0.2f, 0.2f);
  int_right_ = clampf(int_right_ + er * dt, -0.2f, 0.2f);
  const float pl = k * (tl + cfg_.wheel_kp * el + cfg_.wheel_ki * int_left_);
  const float pr = k * (tr + cfg_.wheel_kp * er + cfg_.wheel_ki * int_right_);
  pwm_left = static_cast<int16_t>(clampf(pl, -1000.0f, 1000.0f));
  pwm_right = static_cast<int16_t>(clampf(pr, -1000.0f, 1000.0f));
}

void DriveController::reset() {
  target_v_ = target_w_ = v_ = w_ = 0;
  int_left_ = int_right_ = 0;
}

}  // namespace robot
