#pragma once
#include <cstdint>

#include "robot/config.h"

namespace robot {

struct Pose {
  float x;
  float y;
  float theta;
};

float wrap_angle(float a);

/** Wheel odometry from cumulative encoder counts (midpoint integration). */
class Odometry {
 public:
  explicit Odometry(const RobotConfig& cfg) : cfg_(cfg) {}
  void reset(int32_t left, int32_t right);
  void update(int32_t left, int32_t right, float dt);
  void set_pose(const Pose& p) { pose_ = p; }
  const Pose& pose() const { return pose_; }
  float wheel_left_mps() const { return vl_; }
  float wheel_right_mps() const { return vr_; }
  float v() const { return 0.5f * (vl_ + vr_); }
  float w() const { return (vr_ - vl_) / cfg_.track_m; }
  /** Distance travelled by the centre since reset, signed. */
  float distance_m() const { return distance_; }

 private:
  const RobotConfig& cfg_;
  Pose pose_{0, 0, 0};
  int32_t last_left_ = 0;
  int32_t last_right_ = 0;
  float vl_ = 0;
  float vr_ = 0;
  float distance_ = 0;
};

/**
 * Turns a (v, w) target into wheel PWM: acceleration-limited ramp of the body velocity, differential-drive
 * inverse kinematics, then a feed-forward + PI loop per wheel on measured wheel speed.
 */
class DriveController {
 public:
  explicit DriveController(const RobotConfig& cfg) : cfg_(cfg) {}
  /** `braking` selects the stop decelerations (controlled stop) instead of the normal ones. */
  void set_target(float v, float w, bool braking);
  void update(float dt, float meas_left, float meas_right, int16_t& pwm_left, int16_t& pwm_right);
  /** Drops all state to zero (motors disabled by e-stop or fault). */
  void reset();
  float v() const { return v_; }
  float w() const { return w_; }
  bool stopped() const { return v_ == 0.0f && w_ == 0.0f; }

 private:
  const RobotConfig& cfg_;
  float target_v_ = 0;
  float target_w_ = 0;
  bool braking_ = false;
  float v_ = 0;
  float w_ = 0;
  float int_left_ = 0;
  float int_right_ = 0;
};

}  // namespace robot
