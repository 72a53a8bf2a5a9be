#pragma once
#include <cstddef>
#include <cstdint>

#include "messages.h"
#include "robot/battery.h"
#include "robot/board.h"
#include "robot/config.h"
#include "robot/follower.h"
#include "robot/frame.h"
#include "robot/link.h"
#include "robot/motion.h"
#include "robot/safety.h"

namespace robot {

constexpr uint8_t kFwMajor = 1;
constexpr uint8_t kFwMinor = 0;
constexpr uint8_t kFwPatch = 0;

struct FirmwareStats {
  uint32_t commands;        ///< distinct commands received
  uint32_t executions;      ///< commands executed (should equal `commands`)
  uint32_t duplicates;      ///< re-sent commands answered from the dedupe window
  uint32_t retransmit_flag; ///< frames received with the RETRANSMIT flag
  uint32_t payload_errors;  ///< valid frames whose payload did not decode
  uint32_t unexpected;      ///< base-to-host messages received from the host
  uint16_t max_exec_count;  ///< highest exec_count ever reported (1 unless something is wrong)
};

/**
 * The portable firmware: link, command dispatch with de-duplication, safety supervisor, drive control,
 * path follower, odometry, battery, dock. Single-threaded; call step() from the main loop as often as
 * possible. No heap, no exceptions; all memory is in this object.
 */
class Firmware {
 public:
  Firmware(Board& board, const RobotConfig& cfg);
  /** Power-up: new boot id, e-stop latched, no session, dedupe history empty. */
  void boot();
  void step();

  proto::Mode mode() const;
  uint16_t status_bits() const;
  const Pose& pose() const { return odom_.pose(); }
  float v() const { return odom_.v(); }
  float w() const { return odom_.w(); }
  bool session_active() const { return session_; }
  uint32_t boot_id() const { return boot_id_; }
  const FirmwareStats& stats() const { return stats_; }
  const ParserStats& parser_stats() const { return parser_.stats(); }
  const SafetySupervisor& safety() const { return safety_; }
  const SafetyEventQueue& safety_events() const { return events_; }
  const BatteryEstimator& battery() const { return battery_; }
  /** A swapped or recalibrated pack: the state of charge is seeded again from its voltage, as at boot. */
  void reseed_battery() { battery_.boot(board_.read_battery()); }
  uint32_t tx_dropped() const { return tx_.dropped(); }
  int16_t pwm_left() const { return pwm_left_; }
  int16_t pwm_right() const { return pwm_right_; }
  bool motors_enabled() const { return motors_enabled_; }
  float commanded_v() const { return drive_.v(); }
  float commanded_w() const { return drive_.w(); }

 private:
  enum class LongCmd : uint8_t { NONE, PATH, DOCK, UNDOCK };

  void handle_frame(const Frame& f);
  void handle_hello(const Frame& f);
  void handle_command(const Frame& f);
  proto::Result execute(const Frame& f, bool& long_running);
  proto::Result exec_cmd_vel(const proto::CmdVel& m);
  proto::Result exec_follow_path(const proto::FollowPath& m, bool& long_running);
  proto::Result exec_dock(bool dock, bool& long_running);
  void start_long(LongCmd kind, uint16_t seq, uint8_t msg_id);
  void finish_long(proto::Result result);
  void abort_motion(bool braking);
  void control_tick();
  void mode_tick(float& v, float& w, bool& braking);
  void telemetry();
  void send_log(proto::LogLevel level, const char* text, uint32_t value, bool with_value);
  void send_ack(uint16_t seq, uint8_t msg_id, proto::Result result, uint16_t exec_count);
  template <typename M>
  void send(const M& m, bool high_priority, uint16_t ack);

  Board& board_;
  const RobotConfig& cfg_;
  FrameParser parser_;
  TxQueue tx_;
  DedupeWindow dedupe_;
  SafetyEventQueue events_;
  SafetySupervisor safety_;
  Odometry odom_;
  DriveController drive_;
  PathFollower follower_;
  BatteryEstimator battery_;
  FirmwareStats stats_ = {};
  Frame rx_frame_ = {};

  uint32_t boot_id_ = 0;
  uint32_t boot_ms_ = 0;
  uint16_t tx_seq_ = 0;
  uint16_t last_rx_seq_ = 0;
  bool session_ = false;
  uint32_t host_session_ = 0;
  bool host_session_known_ = false;
  uint32_t last_host_hb_ = 0;

  proto::Mode mode_ = proto::Mode::IDLE;
  float vel_v_ = 0;
  float vel_w_ = 0;
  uint32_t vel_deadline_ = 0;
  uint32_t vel_last_cmd_ = 0;
  float max_v_ = 0;
  float max_w_ = 0;
  bool undocking_ = false;
  float maneuver_start_ = 0;
  LongCmd long_kind_ = LongCmd::NONE;
  uint16_t long_seq_ = 0;
  uint8_t long_msg_ = 0;

  uint32_t next_control_ = 0;
  uint32_t last_hb_tx_ = 0;
  uint32_t last_odom_tx_ = 0;
  uint32_t last_batt_tx_ = 0;
  int16_t pwm_left_ = 0;
  int16_t pwm_right_ = 0;
  bool motors_enabled_ = false;
};

}  // namespace robot
