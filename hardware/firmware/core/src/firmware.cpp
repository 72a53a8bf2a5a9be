#include "robot/firmware.h"

#include <cmath>

namespace robot {

namespace {
int16_t clamp16(float v) {
  if (v > 32767.0f) return 32767;
  if (v < -32768.0f) return -32768;
  return static_cast<int16_t>(std::lround(v));
}
int16_t ms_detail(uint32_t ms) { return static_cast<int16_t>(ms > 32767 ? 32767 : ms); }
}  // namespace

Firmware::Firmware(Board& board, const RobotConfig& cfg)
    : board_(board),
      cfg_(cfg),
      safety_(cfg, events_),
      odom_(cfg),
      drive_(cfg),
      follower_(cfg),
      battery_(cfg.battery_capacity_ah, cfg.low_battery_pct) {}

void Firmware::boot() {
  const uint32_t now = board_.millis();
  uint32_t id = board_.entropy() ^ (now * 2654435761u);
  if (id == 0) id = 0x5EED0001u;
  boot_id_ = id;
  boot_ms_ = now;
  parser_.reset();
  tx_.clear();
  dedupe_.clear();
  events_ = SafetyEventQueue();
  events_.start_ids_at(static_cast<uint16_t>(boot_id_ ^ (boot_id_ >> 16)));
  stats_ = FirmwareStats{};
  safety_.boot(now);
  int32_t l = 0;
  int32_t r = 0;
  board_.read_encoders(l, r);
  odom_.reset(l, r);
  odom_.set_pose(Pose{0, 0, 0});
  drive_.reset();
  follower_.cancel();
  battery_.boot(board_.read_battery());
  tx_seq_ = 0;
  session_ = false;
  host_session_known_ = false;
  mode_ = proto::Mode::IDLE;
  max_v_ = cfg_.default_max_linear_mps;
  max_w_ = cfg_.default_max_angular_rps;
  long_kind_ = LongCmd::NONE;
  next_control_ = now;
  last_hb_tx_ = last_odom_tx_ = last_batt_tx_ = now;
  board_.set_motors(false, 0, 0);
  motors_enabled_ = false;
  pwm_left_ = pwm_right_ = 0;
  if (board_.read_inputs().charger_contact) mode_ = proto::Mode::DOCKED;
  send_log(proto::LogLevel::INFO, "boot, e-stop latched; boot_id", boot_id_, true);
}

void Firmware::step() {
  uint8_t buf[64];
  // Bounded per step so a byte flood cannot starve the control loop.
  for (int round = 0; round < 8; ++round) {
    const size_t n = board_.serial_read(buf, sizeof buf);
    for (size_t i = 0; i < n; ++i) {
      if (parser_.feed(buf[i], rx_frame_)) handle_frame(rx_frame_);
    }
    if (n < sizeof buf) break;
  }
  // An e-stop asserted by a command cuts the drivers now, not at the next control tick.
  if (safety_.drive_inhibited() && motors_enabled_) {
    drive_.reset();
    pwm_left_ = pwm_right_ = 0;
    motors_enabled_ = false;
    board_.set_motors(false, 0, 0);
  }
  const uint32_t now = board_.millis();
  if (now - next_control_ > 1000u && static_cast<int32_t>(now - next_control_) > 0) next_control_ = now;
  while (static_cast<int32_t>(now - next_control_) >= 0) {
    control_tick();
    next_control_ += cfg_.control_period_ms;
  }
  telemetry();
  tx_.flush(board_);
}

proto::Mode Firmware::mode() const {
  if (safety_.estop_latched()) return proto::Mode::ESTOP;
  if (safety_.fault_latched()) return proto::Mode::FAULT;
  return mode_;
}

uint16_t Firmware::status_bits() const {
  using S = proto::Status;
  uint16_t s = 0;
  auto set = [&s](S bit, bool on) {
    if (on) s = static_cast<uint16_t>(s | static_cast<uint16_t>(bit));
  };
  const Inputs& in = safety_.inputs();
  set(S::ESTOP_LATCHED, safety_.estop_latched());
  set(S::ESTOP_BUTTON, in.estop_button);
  set(S::BUMPER, in.bumper);
  set(S::OBSTACLE, safety_.obstacle());
  set(S::MOTOR_FAULT, safety_.fault_latched());
  set(S::SESSION, session_);
  set(S::CHARGING, battery_.charging());
  set(S::LOW_BATTERY, battery_.low());
  set(S::DOCKED, mode_ == proto::Mode::DOCKED);
  set(S::PATH_ACTIVE, follower_.active());
  set(S::SAFETY_PENDING, events_.pending() > 0);
  return s;
}

void Firmware::abort_motion(bool braking) {
  if (follower_.active()) {
    follower_.cancel();
    events_.raise(proto::SafetyKind::PATH_ABORTED, false, static_cast<int16_t>(follower_.path_id()), board_.millis());
  }
  if (long_kind_ != LongCmd::NONE) finish_long(proto::Result::FAILED);
  vel_v_ = vel_w_ = 0;
  if (mode_ == proto::Mode::DOCKED) return;
  mode_ = braking ? proto::Mode::STOPPING : proto::Mode::IDLE;
}

void Firmware::control_tick() {
  const uint32_t now = board_.millis();
  const float dt = static_cast<float>(cfg_.control_period_ms) / 1000.0f;
  const Inputs in = board_.read_inputs();
  safety_.update(in, now);
  if (safety_.drive_inhibited() && (mode_ != proto::Mode::IDLE && mode_ != proto::Mode::DOCKED)) {
    abort_motion(false);
  }
  if (session_ && now - last_host_hb_ > proto::kHeartbeatWatchdogMs) {
    session_ = false;
    events_.raise(proto::SafetyKind::HEARTBEAT_WATCHDOG, true, ms_detail(now - last_host_hb_), now);
    send_log(proto::LogLevel::WARN, "host heartbeat lost, stopping; HELLO required", 0, false);
    if (mode_ != proto::Mode::IDLE && mode_ != proto::Mode::DOCKED) abort_motion(true);
  }
  if (mode_ == proto::Mode::VELOCITY && static_cast<int32_t>(now - vel_deadline_) >= 0) {
    if (vel_v_ != 0 || vel_w_ != 0 || !drive_.stopped()) {
      events_.raise(proto::SafetyKind::VEL_WATCHDOG, true, ms_detail(now - vel_last_cmd_), now);
    }
    vel_v_ = vel_w_ = 0;
    mode_ = proto::Mode::STOPPING;
  }
  int32_t l = 0;
  int32_t r = 0;
  board_.read_encoders(l, r);
  odom_.update(l, r, dt);
  battery_.update(board_.read_battery(), in.charger_contact, dt);
  if (battery_.take_low_edge()) {
    events_.raise(proto::SafetyKind::LOW_BATTERY, battery_.low(), battery_.soc_pct(), now);
  }

  float v = 0;
  float w = 0;
  bool braking = false;
  mode_tick(v, w, braking);
  // Obstacle ahead: no forward motion (turning in place and reversing stay allowed).
  if (safety_.obstacle() && v > 0) {
    v = 0;
    braking = true;
  }
  if (safety_.drive_inhibited()) {
    drive_.reset();
    pwm_left_ = pwm_right_ = 0;
    motors_enabled_ = false;
    board_.set_motors(false, 0, 0);
    return;
  }
  drive_.set_target(v, w, braking);
  drive_.update(dt, odom_.wheel_left_mps(), odom_.wheel_right_mps(), pwm_left_, pwm_right_);
  motors_enabled_ = mode_ != proto::Mode::DOCKED;
  board_.set_motors(motors_enabled_, pwm_left_, pwm_right_);
}

void Firmware::mode_tick(float& v, float& w, bool& braking) {
  const Inputs& in = safety_.inputs();
  float vlim = max_v_;
  if (in.obstacle_mm != kNoObstacle) {
    // Slow down linearly between the slow and stop distances.
    const float d = static_cast<float>(in.obstacle_mm) / 1000.0f;
    if (d < cfg_.obstacle_slow_m) {
      const float f = (d - cfg_.obstacle_stop_m) / (cfg_.obstacle_slow_m - cfg_.obstacle_stop_m);
      const float cap = 0.1f + (max_v_ - 0.1f) * (f < 0 ? 0 : f);
      vlim = cap < vlim ? cap : vlim;
    }
  }
  switch (mode_) {
    case proto::Mode::VELOCITY:
      v = vel_v_ > vlim ? vlim : (vel_v_ < -max_v_ ? -max_v_ : vel_v_);
      w = vel_w_ > max_w_ ? max_w_ : (vel_w_ < -max_w_ ? -max_w_ : vel_w_);
      break;
    case proto::Mode::PATH: {
      const PathFollower::Output o = follower_.update(odom_.pose(), odom_.v(), vlim, max_w_);
      v = o.v;
      w = o.w;
      if (o.arrived) {
        events_.raise(proto::SafetyKind::PATH_DONE, false, static_cast<int16_t>(follower_.path_id()), board_.millis());
        finish_long(proto::Result::OK);
        mode_ = proto::Mode::STOPPING;
        v = w = 0;
      }
      break;
    }
    case proto::Mode::DOCKING: {
      const float travelled = std::fabs(odom_.distance_m() - maneuver_start_);
      if (!undocking_) {
        if (in.charger_contact) {
          mode_ = proto::Mode::DOCKED;
          drive_.reset();
          finish_long(proto::Result::OK);
        } else if (travelled > cfg_.dock_max_distance_m) {
          mode_ = proto::Mode::STOPPING;
          finish_long(proto::Result::FAILED);
          send_log(proto::LogLevel::WARN, "dock contacts not found within mm", clamp16(cfg_.dock_max_distance_m * 1000), true);
        } else {
          v = -cfg_.dock_speed_mps;
        }
      } else if (travelled >= cfg_.undock_distance_m) {
        mode_ = proto::Mode::STOPPING;
        finish_long(proto::Result::OK);
      } else {
        v = cfg_.undock_speed_mps;
      }
      break;
    }
    case proto::Mode::STOPPING:
      braking = true;
      if (drive_.stopped() && std::fabs(odom_.v()) < 0.02f) mode_ = proto::Mode::IDLE;
      break;
    case proto::Mode::IDLE:
    case proto::Mode::DOCKED:
    case proto::Mode::ESTOP:
    case proto::Mode::FAULT:
      break;
  }
}

void Firmware::telemetry() {
  const uint32_t now = board_.millis();
  SafetyEvent ev{};
  bool repeat = false;
  while (events_.next_due(now, ev, repeat)) {
    proto::SafetyEvent m{ev.event_id, static_cast<uint8_t>(ev.kind), static_cast<uint8_t>(ev.active ? 1 : 0), ev.detail};
    send(m, !repeat, last_rx_seq_);
  }
  if (now - last_hb_tx_ >= cfg_.heartbeat_period_ms) {
    last_hb_tx_ += cfg_.heartbeat_period_ms;
    if (now - last_hb_tx_ >= cfg_.heartbeat_period_ms) last_hb_tx_ = now;
    proto::Heartbeat m{now - boot_ms_, static_cast<uint8_t>(mode()), status_bits()};
    send(m, false, last_rx_seq_);
  }
  if (now - last_odom_tx_ >= cfg_.odom_period_ms) {
    last_odom_tx_ += cfg_.odom_period_ms;
    if (now - last_odom_tx_ >= cfg_.odom_period_ms) last_odom_tx_ = now;
    const Pose& p = odom_.pose();
    proto::Odom m{};
    m.t_ms = now - boot_ms_;
    m.x_mm = static_cast<int32_t>(std::lround(p.x * 1000.0f));
    m.y_mm = static_cast<int32_t>(std::lround(p.y * 1000.0f));
    m.theta_mrad = clamp16(p.theta * 1000.0f);
    m.v_mm_s = clamp16(odom_.v() * 1000.0f);
    m.w_mrad_s = clamp16(odom_.w() * 1000.0f);
    m.path_id = follower_.path_id();
    m.waypoint_index = follower_.waypoint_index();
    m.mode = static_cast<uint8_t>(mode());
    send(m, false, last_rx_seq_);
  }
  if (now - last_batt_tx_ >= cfg_.battery_period_ms) {
    last_batt_tx_ = now;
    const BatteryReading& r = battery_.last();
    proto::Battery m{r.voltage_mv, r.current_ma, battery_.soc_pct(), static_cast<uint8_t>(battery_.charging() ? 1 : 0)};
    send(m, false, last_rx_seq_);
  }
}

void Firmware::send_log(proto::LogLevel level, const char* text, uint32_t value, bool with_value) {
  proto::Log m{};
  m.level = static_cast<uint8_t>(level);
  uint8_t n = 0;
  while (text[n] != 0 && n < 180) {
    m.text[n] = text[n];
    ++n;
  }
  if (with_value) {
    char digits[10];
    int k = 0;
    do {
      digits[k++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0 && k < 10);
    m.text[n++] = ' ';
    while (k > 0) m.text[n++] = digits[--k];
  }
  m.text_count = n;
  send(m, false, last_rx_seq_);
}

template <typename M>
void Firmware::send(const M& m, bool high_priority, uint16_t ack) {
  uint8_t frame[kMaxWireFrame];
  const size_t n = encode_message(m, 0, tx_seq_, ack, frame, sizeof frame);
  if (n == 0) return;
  if (tx_.push(frame, n, high_priority)) ++tx_seq_;
}

template void Firmware::send<proto::HelloAck>(const proto::HelloAck&, bool, uint16_t);
template void Firmware::send<proto::CmdAck>(const proto::CmdAck&, bool, uint16_t);

}  // namespace robot
