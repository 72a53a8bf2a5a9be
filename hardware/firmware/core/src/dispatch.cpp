// Command dispatch: session handshake, seq de-duplication and the command handlers.
#include "robot/crc.h"
#include "robot/firmware.h"

namespace robot {

namespace {
bool is_motion(uint8_t id) {
  switch (static_cast<proto::MsgId>(id)) {
    case proto::MsgId::CMD_VEL:
    case proto::MsgId::FOLLOW_PATH:
    case proto::MsgId::DOCK:
    case proto::MsgId::UNDOCK:
      return true;
    default:
      return false;
  }
}
}  // namespace

void Firmware::handle_frame(const Frame& f) {
  last_rx_seq_ = f.h.seq;
  if (f.h.flags & proto::kFlagRetransmit) ++stats_.retransmit_flag;
  const proto::MsgInfo* info = proto::msg_info(f.h.msg_id);
  switch (static_cast<proto::MsgId>(f.h.msg_id)) {
    case proto::MsgId::HELLO:
      handle_hello(f);
      return;
    case proto::MsgId::HEARTBEAT: {
      proto::Heartbeat m{};
      if (!proto::decode(f.payload, f.h.len, m)) {
        ++stats_.payload_errors;
        return;
      }
      last_host_hb_ = board_.millis();
      return;
    }
    case proto::MsgId::SAFETY_ACK: {
      proto::SafetyAck m{};
      if (!proto::decode(f.payload, f.h.len, m)) {
        ++stats_.payload_errors;
        return;
      }
      last_host_hb_ = board_.millis();  // any valid host frame proves the host and the cable alive
      events_.ack(m.event_id);
      return;
    }
    default:
      break;
  }
  if (info == nullptr || !info->command) {
    ++stats_.unexpected;
    return;
  }
  // A CRC-valid command is as good a sign of life as a HEARTBEAT: under line noise the watchdog then
  // fires only when the host or the cable really goes quiet, not whenever five heartbeats in a row are hit.
  last_host_hb_ = board_.millis();
  handle_command(f);
}

void Firmware::handle_hello(const Frame& f) {
  proto::Hello m{};
  if (!proto::decode(f.payload, f.h.len, m)) {
    ++stats_.payload_errors;
    return;
  }
  const uint32_t now = board_.millis();
  const bool compatible = m.protocol_version == proto::kProtocolVersion && m.schema_hash == proto::kSchemaHash;
  if (compatible) {
    if (!host_session_known_ || m.host_session != host_session_) {
      dedupe_.clear();
      host_session_ = m.host_session;
      host_session_known_ = true;
      send_log(proto::LogLevel::INFO, "new host session", m.host_session, true);
    }
    session_ = true;
    last_host_hb_ = now;
  } else {
    session_ = false;
    send_log(proto::LogLevel::ERROR, "HELLO rejected: protocol/schema mismatch; host schema", m.schema_hash, true);
  }
  proto::HelloAck a{};
  a.protocol_version = proto::kProtocolVersion;
  a.schema_hash = proto::kSchemaHash;
  a.fw_major = kFwMajor;
  a.fw_minor = kFwMinor;
  a.fw_patch = kFwPatch;
  a.boot_id = boot_id_;
  a.capabilities = cfg_.capabilities;
  a.estop_latched = safety_.estop_latched() ? 1 : 0;
  a.hello_seq = f.h.seq;
  send(a, true, f.h.seq);
}

void Firmware::send_ack(uint16_t seq, uint8_t msg_id, proto::Result result, uint16_t exec_count) {
  proto::CmdAck a{seq, msg_id, static_cast<uint8_t>(result), exec_count};
  send(a, true, seq);
}

void Firmware::handle_command(const Frame& f) {
  uint16_t crc = crc16_accumulate(kCrc16Init, f.h.msg_id);
  crc = crc16(f.payload, f.h.len, crc);
  if (DedupeEntry* seen = dedupe_.find(f.h.seq, f.h.msg_id, crc)) {
    ++stats_.duplicates;
    send_ack(f.h.seq, f.h.msg_id, static_cast<proto::Result>(seen->result), seen->exec_count);
    return;
  }
  ++stats_.commands;
  DedupeEntry& e = dedupe_.insert(f.h.seq, f.h.msg_id, crc);
  bool long_running = false;
  const proto::Result result = execute(f, long_running);
  ++stats_.executions;
  e.exec_count = static_cast<uint16_t>(e.exec_count + 1);
  e.result = static_cast<uint8_t>(result);
  if (e.exec_count > stats_.max_exec_count) stats_.max_exec_count = e.exec_count;
  if (long_running) start_long(static_cast<proto::MsgId>(f.h.msg_id) == proto::MsgId::FOLLOW_PATH ? LongCmd::PATH
                               : static_cast<proto::MsgId>(f.h.msg_id) == proto::MsgId::DOCK      ? LongCmd::DOCK
                                                                                                  : LongCmd::UNDOCK,
                               f.h.seq, f.h.msg_id);
  send_ack(f.h.seq, f.h.msg_id, result, e.exec_count);
}

void Firmware::start_long(LongCmd kind, uint16_t seq, uint8_t msg_id) {
  long_kind_ = kind;
  long_seq_ = seq;
  long_msg_ = msg_id;
}

void Firmware::finish_long(proto::Result result) {
  if (long_kind_ == LongCmd::NONE) return;
  long_kind_ = LongCmd::NONE;
  uint16_t exec_count = 1;
  // A re-sent copy arriving later is answered with the final result.
  if (DedupeEntry* e = dedupe_.find_seq(long_seq_, long_msg_)) {
    e->result = static_cast<uint8_t>(result);
    exec_count = e->exec_count;
  }
  send_ack(long_seq_, long_msg_, result, exec_count);
}

proto::Result Firmware::execute(const Frame& f, bool& long_running) {
  const uint32_t now = board_.millis();
  const uint8_t id = f.h.msg_id;
  if (is_motion(id)) {
    if (safety_.estop_latched()) return proto::Result::REJECTED_ESTOP;
    if (safety_.fault_latched() || !session_) return proto::Result::REJECTED_STATE;
  }
  switch (static_cast<proto::MsgId>(id)) {
    case proto::MsgId::CMD_VEL: {
      proto::CmdVel m{};
      if (!proto::decode(f.payload, f.h.len, m)) return proto::Result::INVALID;
      return exec_cmd_vel(m);
    }
    case proto::MsgId::FOLLOW_PATH: {
      proto::FollowPath m{};
      if (!proto::decode(f.payload, f.h.len, m)) return proto::Result::INVALID;
      return exec_follow_path(m, long_running);
    }
    case proto::MsgId::STOP: {
      proto::Stop m{};
      if (!proto::decode(f.payload, f.h.len, m)) return proto::Result::INVALID;
      abort_motion(true);
      return proto::Result::OK;
    }
    case proto::MsgId::ESTOP_ASSERT: {
      proto::EstopAssert m{};
      if (!proto::decode(f.payload, f.h.len, m)) {
        // Even a malformed e-stop request stops the robot: safety over strictness.
        safety_.assert_estop(proto::EstopSource::HOST, now);
        return proto::Result::INVALID;
      }
      const proto::EstopSource src = m.source <= 4 ? static_cast<proto::EstopSource>(m.source) : proto::EstopSource::HOST;
      safety_.assert_estop(src, now);
      abort_motion(false);
      return proto::Result::OK;
    }
    case proto::MsgId::ESTOP_RESET: {
      proto::EstopReset m{};
      if (!proto::decode(f.payload, f.h.len, m) || m.confirm != proto::kEstopResetConfirm) {
        return proto::Result::INVALID;
      }
      // Only within a session: a reset re-sent by a host that has not yet noticed a reboot (no HELLO
      // since boot) must not clear the latch the base booted with.
      if (!session_) return proto::Result::REJECTED_STATE;
      const proto::Result r = safety_.clear_estop(now);
      if (r == proto::Result::OK) send_log(proto::LogLevel::WARN, "e-stop reset by host", 0, false);
      return r;
    }
    case proto::MsgId::SET_SPEED_LIMIT: {
      proto::SetSpeedLimit m{};
      if (!proto::decode(f.payload, f.h.len, m)) return proto::Result::INVALID;
      const float v = static_cast<float>(m.max_linear_mm_s) / 1000.0f;
      const float w = static_cast<float>(m.max_angular_mrad_s) / 1000.0f;
      max_v_ = v < cfg_.hard_max_linear_mps ? v : cfg_.hard_max_linear_mps;
      max_w_ = w < cfg_.hard_max_angular_rps ? w : cfg_.hard_max_angular_rps;
      return proto::Result::OK;
    }
    case proto::MsgId::DOCK:
    case proto::MsgId::UNDOCK:
      if (f.h.len != 0) return proto::Result::INVALID;
      return exec_dock(static_cast<proto::MsgId>(id) == proto::MsgId::DOCK, long_running);
    case proto::MsgId::SET_POSE: {
      proto::SetPose m{};
      if (!proto::decode(f.payload, f.h.len, m)) return proto::Result::INVALID;
      if (mode_ == proto::Mode::PATH || mode_ == proto::Mode::DOCKING) return proto::Result::BUSY;
      odom_.set_pose(Pose{static_cast<float>(m.x_mm) / 1000.0f, static_cast<float>(m.y_mm) / 1000.0f,
                          wrap_angle(static_cast<float>(m.theta_mrad) / 1000.0f)});
      return proto::Result::OK;
    }
    default:
      return proto::Result::UNSUPPORTED;
  }
}

proto::Result Firmware::exec_cmd_vel(const proto::CmdVel& m) {
  const uint32_t now = board_.millis();
  if (mode_ == proto::Mode::PATH || mode_ == proto::Mode::DOCKING) abort_motion(false);
  vel_v_ = static_cast<float>(m.linear_mm_s) / 1000.0f;
  vel_w_ = static_cast<float>(m.angular_mrad_s) / 1000.0f;
  const uint32_t ttl = (m.ttl_ms == 0 || m.ttl_ms > proto::kVelocityWatchdogMs) ? proto::kVelocityWatchdogMs : m.ttl_ms;
  vel_deadline_ = now + ttl;
  vel_last_cmd_ = now;
  mode_ = proto::Mode::VELOCITY;
  return proto::Result::OK;
}

proto::Result Firmware::exec_follow_path(const proto::FollowPath& m, bool& long_running) {
  const proto::Result r = follower_.add_chunk(m);
  if (r != proto::Result::IN_PROGRESS) return r;
  // The final chunk: the new path replaces whatever the robot was doing.
  abort_motion(false);
  follower_.activate(odom_.pose());
  mode_ = proto::Mode::PATH;
  long_running = true;
  return r;
}

proto::Result Firmware::exec_dock(bool dock, bool& long_running) {
  const bool docked = mode_ == proto::Mode::DOCKED;
  if (dock && docked) return proto::Result::OK;
  if (!dock && !docked) return proto::Result::OK;
  abort_motion(false);
  mode_ = proto::Mode::DOCKING;
  undocking_ = !dock;
  maneuver_start_ = odom_.distance_m();
  long_running = true;
  return proto::Result::IN_PROGRESS;
}

}  // namespace robot
