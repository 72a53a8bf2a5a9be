#pragma once
#include <cstdint>

#include "messages.h"

namespace robot {

/** Geometry and limits of the base. Defaults describe the reference base in hardware/README.md. */
struct RobotConfig {
  float wheel_radius_m = 0.0825f;
  float track_m = 0.40f;
  float encoder_counts_per_rev = 4096.0f;  ///< quadrature counts per wheel revolution
  float max_wheel_speed_mps = 1.6f;        ///< wheel speed at 100% PWM (feed-forward)
  float hard_max_linear_mps = 1.2f;        ///< never exceeded, whatever the host asks
  float hard_max_angular_rps = 1.5f;
  float default_max_linear_mps = 0.7f;
  float default_max_angular_rps = 1.0f;
  float accel_mps2 = 0.5f;
  float decel_mps2 = 1.0f;
  float stop_decel_mps2 = 2.5f;  ///< controlled stop (STOP, watchdogs, obstacle)
  float angular_accel_rps2 = 2.0f;
  float angular_stop_rps2 = 6.0f;
  float wheel_kp = 0.4f;  ///< permille per mm/s of wheel speed error is kp * 1000 / max_wheel_speed
  float wheel_ki = 2.0f;
  uint32_t control_period_ms = 10;
  uint32_t odom_period_ms = 20;  ///< 50 Hz
  uint32_t battery_period_ms = 1000;
  uint32_t heartbeat_period_ms = 100;
  float obstacle_stop_m = 0.35f;
  float obstacle_slow_m = 1.0f;
  float arrival_tolerance_m = 0.25f;
  float lookahead_min_m = 0.3f;
  float lookahead_max_m = 0.8f;
  float lookahead_gain_s = 1.0f;
  float rotate_in_place_rad = 1.0f;
  float dock_speed_mps = 0.08f;  ///< docking reverses onto rear charging contacts
  float dock_max_distance_m = 0.6f;
  float undock_speed_mps = 0.15f;
  float undock_distance_m = 0.35f;
  float battery_capacity_ah = 20.0f;
  uint8_t low_battery_pct = 15;
  uint32_t capabilities = 0;
};

/** What the reference base in hardware/README.md can do; every board reports it (the host sim adds SIMULATED). */
inline uint32_t reference_base_capabilities() {
  return static_cast<uint32_t>(proto::Capability::PATH) | static_cast<uint32_t>(proto::Capability::DOCK) |
         static_cast<uint32_t>(proto::Capability::BUMPER) | static_cast<uint32_t>(proto::Capability::ESTOP_BUTTON) |
         static_cast<uint32_t>(proto::Capability::OBSTACLE_SENSOR);
}

}  // namespace robot
