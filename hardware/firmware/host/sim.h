#pragma once
#include <cstdint>
#include <deque>
#include <random>
#include <vector>

#include "robot/board.h"
#include "robot/config.h"
#include "robot/motion.h"

namespace sim {

/** A round obstacle (a person, a pillar) in world coordinates. */
struct Obstacle {
  float x;
  float y;
  float radius;
};

/** Things a test or bench can inject through the control channel. */
struct Injected {
  bool bumper = false;
  bool estop_button = false;
  bool motor_fault = false;
  uint16_t obstacle_mm = robot::kNoObstacle;  ///< fixed range reading, overrides geometry when nearer
  std::vector<Obstacle> obstacles;            ///< seen by the range sensor; touching one presses the bumper
};

constexpr float kRobotRadius = 0.30f;
constexpr float kRangeMax = 1.5f;            ///< Sharp GP2Y0A02: 20-150 cm
constexpr float kRangeHalfAngle = 0.26f;     ///< about 15 degrees either side

struct WorldParams {
  float motor_tau_s = 0.05f;
  float brake_tau_s = 0.08f;
  float left_scale = 1.002f;  ///< true wheel radius error vs. configuration: odometry drifts like a real base
  float right_scale = 0.999f;
  float encoder_noise = 0.2f;  ///< probability per read of a +-1 count jitter
  float drain_factor = 1.0f;   ///< multiplies battery discharge (benches shorten battery life)
  float start_soc = 0.85f;
  robot::Pose dock{-0.5f, 0.0f, 0.0f};  ///< robot pose when docked (charging contacts at its rear)
  robot::Pose start{0, 0, 0};
  uint32_t seed = 1;
};

/** Differential-drive base physics: motors with lag, wheels, encoders, battery, dock contacts. */
class World {
 public:
  World(const robot::RobotConfig& cfg, const WorldParams& p);
  void step(float dt);
  void set_motors(bool enabled, int16_t left, int16_t right);
  void read_encoders(int32_t& left, int32_t& right);
  robot::Inputs inputs() const;
  robot::BatteryReading battery() const;
  bool charger_contact() const;
  /** Range-sensor reading in mm from the geometric obstacles (kNoObstacle when none in the cone). */
  uint16_t range_mm() const;
  bool touching_obstacle() const;
  const robot::Pose& truth() const { return truth_; }
  float wheel_left() const { return wl_; }
  float wheel_right() const { return wr_; }
  float soc() const { return soc_; }
  void set_soc(float s) { soc_ = s; }
  Injected injected;

 private:
  const robot::RobotConfig& cfg_;
  WorldParams p_;
  std::mt19937 rng_;
  robot::Pose truth_;
  float wl_ = 0, wr_ = 0;
  double enc_l_ = 0, enc_r_ = 0;
  bool enabled_ = false;
  int16_t pwm_l_ = 0, pwm_r_ = 0;
  float soc_;
  float current_a_ = 0;
};

/**
 * Board implementation over the simulated world. The serial port is two byte queues that the owner
 * (pty driver or test) fills and drains; time is the world's simulated milliseconds.
 */
class SimBoard : public robot::Board {
 public:
  SimBoard(World& world, uint32_t entropy_seed) : world_(world), entropy_(entropy_seed) {}
  uint32_t millis() override { return now_ms_; }
  size_t serial_read(uint8_t* buf, size_t cap) override;
  size_t serial_write(const uint8_t* buf, size_t len) override;
  void set_motors(bool enabled, int16_t left, int16_t right) override { world_.set_motors(enabled, left, right); }
  void read_encoders(int32_t& left, int32_t& right) override { world_.read_encoders(left, right); }
  robot::Inputs read_inputs() override { return world_.inputs(); }
  robot::BatteryReading read_battery() override { return world_.battery(); }
  uint32_t entropy() override { return entropy_(); }

  /** Advances simulated time, stepping physics in 1 ms increments. */
  void advance(uint32_t ms);
  uint32_t now() const { return now_ms_; }
  std::deque<uint8_t> rx;  ///< bytes from host to firmware
  std::deque<uint8_t> tx;  ///< bytes from firmware to host
  size_t tx_limit = 1 << 16;

 private:
  World& world_;
  std::mt19937 entropy_;
  uint32_t now_ms_ = 1;
};

}  // namespace sim
