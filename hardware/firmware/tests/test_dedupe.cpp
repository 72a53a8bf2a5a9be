#include "rig.h"
#include "test.h"

using proto::Result;

namespace {
int R(Result r) { return static_cast<int>(r); }
}

TEST(dedupe, duplicate_is_reacked_not_reexecuted) {
  rig::Rig r;
  CHECK(r.start_session());
  const proto::CmdVel cmd{200, 0, 0};
  const uint16_t s = r.send(cmd);
  r.run(5);
  const uint32_t executions = r.fw.stats().executions;
  r.send(cmd, s, proto::kFlagNeedsAck | proto::kFlagRetransmit);
  r.send(cmd, s, proto::kFlagNeedsAck | proto::kFlagRetransmit);
  r.run(5);
  const auto acks = r.acks(s);
  CHECK_EQ(acks.size(), 3u);
  for (const auto& a : acks) {
    CHECK_EQ(a.result, R(Result::OK));
    CHECK_EQ(a.exec_count, 1);
    CHECK_EQ(a.cmd_msg_id, static_cast<int>(proto::MsgId::CMD_VEL));
  }
  CHECK_EQ(r.fw.stats().executions, executions);
  CHECK_EQ(r.fw.stats().duplicates, 2u);
  CHECK_EQ(r.fw.stats().retransmit_flag, 2u);
}

TEST(dedupe, rejected_result_is_final_for_its_seq) {
  rig::Rig r;
  CHECK(r.hello(1));
  const uint16_t s = r.send(proto::CmdVel{100, 0, 0});
  CHECK_EQ(r.wait_ack(s), R(Result::REJECTED_ESTOP));
  r.send(proto::EstopReset{proto::kEstopResetConfirm});
  r.run(5);
  r.clear();
  r.send(proto::CmdVel{100, 0, 0}, s);  // same bytes, same seq: answered from history
  CHECK_EQ(r.wait_ack(s), R(Result::REJECTED_ESTOP));
  const uint16_t s2 = r.send(proto::CmdVel{100, 0, 0});  // a new seq executes
  CHECK_EQ(r.wait_ack(s2), R(Result::OK));
}

TEST(dedupe, same_host_session_keeps_history_new_session_clears_it) {
  rig::Rig r;
  CHECK(r.start_session());
  const proto::SetSpeedLimit lim{500, 800};
  const uint16_t s = r.send(lim);
  r.run(5);
  CHECK(r.hello(r.host_session));  // reconnect of the same host process
  r.clear();
  r.send(lim, s);
  r.run(5);
  CHECK_EQ(r.acks(s).size(), 1u);
  CHECK_EQ(r.acks(s).at(0).exec_count, 1);
  const uint32_t exec_before = r.fw.stats().executions;
  CHECK_EQ(r.fw.stats().duplicates, 1u);
  CHECK(r.hello(r.host_session + 1));  // a new host process: history cleared, same seq is new
  r.send(lim, s);
  r.run(5);
  CHECK_EQ(r.fw.stats().executions, exec_before + 1);
}

TEST(dedupe, reused_seq_with_other_content_is_a_new_command) {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(proto::SetSpeedLimit{500, 800});
  r.run(5);
  r.send(proto::SetSpeedLimit{300, 800}, s);
  r.run(5);
  CHECK_EQ(r.fw.stats().duplicates, 0u);
  CHECK_EQ(r.fw.stats().max_exec_count, 1);
}

TEST(dedupe, window_holds_128_commands_regardless_of_heartbeat_seqs) {
  rig::Rig r;
  CHECK(r.start_session());
  const proto::SetSpeedLimit lim{400, 800};
  const uint16_t first = r.send(lim);
  r.run(2);
  for (int i = 0; i < 126; ++i) {
    r.host_seq = static_cast<uint16_t>(r.host_seq + 3);  // seqs spent on heartbeats in between
    r.send(proto::SetSpeedLimit{static_cast<uint16_t>(401 + i), 800});
    r.run(1);
  }
  r.send(lim, first);
  r.run(2);
  CHECK_EQ(r.fw.stats().duplicates, 1u);  // still inside the window (128 commands incl. ESTOP_RESET)
}

TEST(dedupe, long_running_command_final_result_replaces_in_progress) {
  rig::Rig r;
  CHECK(r.start_session());
  proto::FollowPath p{};
  p.path_id = 9;
  p.chunk_count = 1;
  p.speed_limit_mm_s = 500;
  p.waypoints_count = 1;
  p.waypoints[0] = proto::Waypoint{1000, 0, 0};
  const uint16_t s = r.send(p);
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.send(p, s, proto::kFlagNeedsAck | proto::kFlagRetransmit);
  r.run(5);
  CHECK_EQ(r.acks(s).size(), 2u);
  CHECK_EQ(r.acks(s).at(1).result, R(Result::IN_PROGRESS));
  r.run(8000);
  const auto acks = r.acks(s);
  CHECK_EQ(acks.size(), 3u);
  CHECK_EQ(acks.back().result, R(Result::OK));
  r.send(p, s, proto::kFlagNeedsAck | proto::kFlagRetransmit);
  r.run(5);
  CHECK_EQ(r.acks(s).back().result, R(Result::OK));
  CHECK_EQ(r.acks(s).back().exec_count, 1);
  CHECK_EQ(r.safety_events(proto::SafetyKind::PATH_DONE).size() >= 1, true);
}
