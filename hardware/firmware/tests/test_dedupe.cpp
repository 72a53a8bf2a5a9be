#include <doctest/doctest.h>

#include <cstdio>

#include "rig.h"

using proto::Result;

namespace {
int R(Result r) { return static_cast<int>(r); }
}

TEST_SUITE_BEGIN("dedupe");

TEST_CASE("duplicate_is_reacked_not_reexecuted") {
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

TEST_CASE("rejected_result_is_final_for_its_seq") {
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

TEST_CASE("same_host_session_keeps_history_new_session_clears_it") {
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

TEST_CASE("reused_seq_with_other_content_is_a_new_command") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(proto::SetSpeedLimit{500, 800});
  r.run(5);
  r.send(proto::SetSpeedLimit{300, 800}, s);
  r.run(5);
  CHECK_EQ(r.fw.stats().duplicates, 0u);
  CHECK_EQ(r.fw.stats().max_exec_count, 1);
}

TEST_CASE("window_holds_128_commands_regardless_of_heartbeat_seqs") {
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

TEST_CASE("long_running_command_final_result_replaces_in_progress") {
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

TEST_CASE("soak_under_bit_errors_and_dropped_bytes_loses_and_doubles_nothing") {
  // The acceptance fault mix (BER 1e-3 plus 1 % dropped bytes, both directions) on the in-memory link,
  // with the host rules of PROTOCOL.md: resend the same seq every 150 ms until acknowledged.
  rig::Rig r(21);
  CHECK(r.start_session());
  sim::LinkFaults to_fw(5);
  sim::LinkFaults to_host(6);
  to_fw.cfg = sim::FaultConfig{1e-3, 0.01, 0};
  to_host.cfg = to_fw.cfg;
  r.to_fw = &to_fw;
  r.to_host = &to_host;
  const int kCommands = 3000;
  int lost = 0;
  int duplicates = 0;
  int resends = 0;
  const uint32_t executions_before = r.fw.stats().executions;
  size_t scanned = 0;
  for (int i = 0; i < kCommands; ++i) {
    const proto::SetSpeedLimit cmd{static_cast<uint16_t>(300 + i % 500), 800};
    const uint16_t seq = r.send(cmd);
    bool acked = false;
    for (uint32_t waited = 0; waited < 10000 && !acked;) {
      r.run(5);
      waited += 5;
      for (; scanned < r.rx.size(); ++scanned) {
        const robot::Frame& f = r.rx[scanned].frame;
        proto::CmdAck a{};
        if (f.h.msg_id != static_cast<uint8_t>(proto::MsgId::CMD_ACK) || !proto::decode(f.payload, f.h.len, a)) continue;
        if (a.cmd_seq != seq) continue;
        acked = true;
        if (a.exec_count != 1) ++duplicates;
      }
      if (!acked && waited % proto::kAckTimeoutMs == 0) {
        r.send(cmd, seq, proto::kFlagNeedsAck | proto::kFlagRetransmit);
        ++resends;
      }
    }
    if (!acked) ++lost;
  }
  std::fprintf(stderr, "  soak: %d commands, lost %d, duplicates %d, resends %d, fw crc errors %u, flipped %llu\n",
               kCommands, lost, duplicates, resends, r.fw.parser_stats().crc_errors,
               static_cast<unsigned long long>(to_fw.stats.flipped_bits + to_host.stats.flipped_bits));
  CHECK_EQ(lost, 0);
  CHECK_EQ(duplicates, 0);
  CHECK(resends > 0);  // the faults did bite
  CHECK_EQ(r.fw.stats().executions - executions_before, static_cast<uint32_t>(kCommands));
  CHECK_EQ(r.fw.stats().max_exec_count, 1);
}

TEST_SUITE_END();
