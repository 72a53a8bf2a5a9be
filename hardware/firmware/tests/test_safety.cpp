#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>

#include "rig.h"

using proto::Result;
using proto::SafetyKind;

namespace {
int R(Result r) { return static_cast<int>(r); }

proto::HelloAck last_hello_ack(const rig::Rig& r) {
  proto::HelloAck a{};
  for (const auto& x : r.rx) {
    if (x.frame.h.msg_id == static_cast<uint8_t>(proto::MsgId::HELLO_ACK)) proto::decode(x.frame.payload, x.frame.h.len, a);
  }
  return a;
}

/** Ms from `since` until the drive's commanded velocity is zero (or -1). */
int ms_until_stopped(rig::Rig& r, uint32_t max_ms, bool keep_cmd_vel) {
  const uint32_t start = r.now();
  for (uint32_t i = 0; i < max_ms; ++i) {
    if (keep_cmd_vel && i % 50 == 0) r.send(proto::CmdVel{500, 0, 0});
    r.run(1);
    if (r.fw.commanded_v() == 0.0f && r.fw.commanded_w() == 0.0f) return static_cast<int>(r.now() - start);
  }
  return -1;
}
}  // namespace

TEST_SUITE_BEGIN("safety");

TEST_CASE("boots_latched_and_hello_does_not_clear") {
  rig::Rig r;
  CHECK(r.hello(5));
  CHECK_EQ(last_hello_ack(r).estop_latched, 1);
  CHECK(r.fw.mode() == proto::Mode::ESTOP);
  CHECK_EQ(r.wait_ack(r.send(proto::CmdVel{100, 0, 0})), R(Result::REJECTED_ESTOP));
  CHECK(r.hello(6));
  CHECK(r.fw.safety().estop_latched());
  const auto ev = r.safety_events(SafetyKind::ESTOP_LATCHED);
  CHECK((!ev.empty() && ev.front().detail == static_cast<int16_t>(proto::EstopSource::BOOT)));
}

TEST_CASE("only_reset_with_confirm_clears_and_reboot_relatches") {
  rig::Rig r;
  CHECK(r.hello(5));
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{12345})), R(Result::INVALID));
  CHECK(r.fw.safety().estop_latched());
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::OK));
  CHECK(!r.fw.safety().estop_latched());
  CHECK(!r.safety_events(SafetyKind::ESTOP_CLEARED).empty());
  CHECK_EQ(r.wait_ack(r.send(proto::EstopAssert{static_cast<uint8_t>(proto::EstopSource::STAFF)})), R(Result::OK));
  CHECK(r.fw.safety().estop_latched());
  CHECK(r.hello(7));  // reconnect, new session: still latched
  CHECK(r.fw.safety().estop_latched());
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::OK));
  const uint32_t boot1 = r.fw.boot_id();
  r.fw.boot();  // power cycle
  CHECK(r.fw.safety().estop_latched());
  CHECK(r.fw.boot_id() != boot1);
  CHECK(!r.fw.session_active());
}

TEST_CASE("button_and_bumper_latch_and_block_reset_while_pressed") {
  rig::Rig r;
  CHECK(r.start_session());
  r.world.injected.estop_button = true;
  r.run(20);
  CHECK(r.fw.safety().estop_latched());
  CHECK(!r.fw.motors_enabled());
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::REJECTED_STATE));
  r.world.injected.estop_button = false;
  r.run(20);
  CHECK(r.fw.safety().estop_latched());  // releasing the button does not clear the latch
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::OK));
  r.world.injected.bumper = true;
  r.run(20);
  CHECK(r.fw.safety().estop_latched());
  CHECK(!r.safety_events(SafetyKind::BUMPER).empty());
  r.world.injected.bumper = false;
  r.run(20);
  CHECK(r.fw.safety().estop_latched());
}

TEST_CASE("velocity_watchdog_zeroes_wheels_within_300ms") {
  rig::Rig r;
  CHECK(r.start_session());
  for (int i = 0; i < 20; ++i) {
    r.send(proto::CmdVel{500, 0, 0});
    r.run(50);
  }
  CHECK(r.fw.commanded_v() > 0.45f);
  r.clear();
  const uint32_t last_cmd = r.now();
  uint32_t target_zero_at = 0;
  for (int i = 0; i < 1000 && target_zero_at == 0; ++i) {
    r.run(1);
    if (r.fw.mode() == proto::Mode::STOPPING || r.fw.mode() == proto::Mode::IDLE) target_zero_at = r.now();
  }
  CHECK(target_zero_at - last_cmd <= 260);  // watchdog 250 ms at 10 ms control resolution
  const int stopped = ms_until_stopped(r, 1000, false);
  CHECK((stopped >= 0 && stopped <= 300));  // 0.5 m/s at 2.5 m/s^2 = 200 ms
  const auto ev = r.safety_events(SafetyKind::VEL_WATCHDOG);
  CHECK((!ev.empty() && ev.front().detail >= 250 && ev.front().detail <= 260));
}

TEST_CASE("host_silence_stops_and_rejects_until_hello") {
  rig::Rig r;
  CHECK(r.start_session());
  // A path keeps the robot moving without further commands, so only the heartbeat watchdog can stop it.
  proto::FollowPath p{};
  p.path_id = 1;
  p.chunk_count = 1;
  p.speed_limit_mm_s = 500;
  p.waypoints_count = 1;
  p.waypoints[0] = proto::Waypoint{20000, 0, 0};
  CHECK_EQ(r.wait_ack(r.send(p)), R(Result::IN_PROGRESS));
  r.run(3000);
  CHECK(r.fw.commanded_v() > 0.45f);
  r.heartbeats = false;  // the host goes quiet (process killed, cable pulled)
  const uint32_t last_hb = r.last_hb;
  // The session ends after 500 ms (10 ms tick resolution), the setpoint goes to zero at once and the
  // drive brakes at 2.5 m/s^2: 0.5 m/s takes 200 ms more.
  uint32_t session_end = 0;
  uint32_t standstill = 0;
  for (uint32_t i = 0; i < 2000 && standstill == 0; ++i) {
    r.run(1);
    if (session_end == 0 && !r.fw.session_active()) session_end = r.now();
    if (session_end != 0 && r.fw.commanded_v() == 0.0f) standstill = r.now();
  }
  std::fprintf(stderr, "  heartbeat watchdog: session end %u ms, standstill %u ms after the last host frame\n",
               session_end - last_hb, standstill - last_hb);
  CHECK((session_end != 0 && session_end - last_hb <= 512));
  CHECK((standstill != 0 && standstill - last_hb <= 512 + 200 + 10));
  const auto ev = r.safety_events(SafetyKind::HEARTBEAT_WATCHDOG);
  CHECK((!ev.empty() && ev.front().detail >= 500 && ev.front().detail <= 512));
  CHECK(!r.safety_events(SafetyKind::PATH_ABORTED).empty());
  CHECK_EQ(r.wait_ack(r.send(proto::CmdVel{300, 0, 0})), R(Result::REJECTED_STATE));
  CHECK_EQ(r.wait_ack(r.send(proto::Stop{0})), R(Result::OK));
  r.heartbeats = true;
  CHECK(r.hello(r.host_session));
  CHECK_EQ(r.wait_ack(r.send(proto::CmdVel{300, 0, 0})), R(Result::OK));
}

TEST_CASE("commands_keep_the_session_alive_when_heartbeats_are_lost") {
  rig::Rig r;
  CHECK(r.start_session());
  r.heartbeats = false;  // every heartbeat lost on the line, but teleop commands get through
  for (int i = 0; i < 40; ++i) {
    r.send(proto::CmdVel{300, 0, 0});
    r.run(100);
  }
  CHECK(r.fw.session_active());
  CHECK(r.safety_events(SafetyKind::HEARTBEAT_WATCHDOG).empty());
  CHECK(r.fw.commanded_v() > 0.25f);
}

TEST_CASE("safety_event_repeats_every_100ms_until_acked") {
  rig::Rig r;
  r.run(1000);
  const auto ev = r.safety_events(SafetyKind::ESTOP_LATCHED);
  CHECK((ev.size() >= 9 && ev.size() <= 11));
  for (const auto& e : ev) CHECK_EQ(e.event_id, ev.front().event_id);
  r.send(proto::SafetyAck{ev.front().event_id}, -1, 0);
  r.run(10);
  r.clear();
  r.run(500);
  CHECK(r.safety_events(SafetyKind::ESTOP_LATCHED).empty());
  CHECK_EQ(r.fw.safety_events().pending(), 0);
}

TEST_CASE("motor_fault_disables_drive_until_reset") {
  rig::Rig r;
  CHECK(r.start_session());
  r.world.injected.motor_fault = true;
  r.run(20);
  CHECK(r.fw.mode() == proto::Mode::FAULT);
  CHECK_EQ(r.wait_ack(r.send(proto::CmdVel{100, 0, 0})), R(Result::REJECTED_STATE));
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::REJECTED_STATE));
  r.world.injected.motor_fault = false;
  r.run(20);
  CHECK_EQ(r.wait_ack(r.send(proto::EstopReset{proto::kEstopResetConfirm})), R(Result::OK));
  CHECK(r.fw.mode() != proto::Mode::FAULT);
}

TEST_CASE("obstacle_blocks_forward_but_not_turning") {
  rig::Rig r;
  CHECK(r.start_session());
  r.world.injected.obstacle_mm = 300;
  for (int i = 0; i < 10; ++i) {
    r.send(proto::CmdVel{400, 500, 0});
    r.run(50);
  }
  CHECK(std::fabs(r.fw.commanded_v()) < 1e-6f);
  CHECK(r.fw.commanded_w() > 0.4f);
  CHECK(!r.safety_events(SafetyKind::OBSTACLE).empty());
  r.world.injected.obstacle_mm = robot::kNoObstacle;
  for (int i = 0; i < 20; ++i) {
    r.send(proto::CmdVel{400, 0, 0});
    r.run(50);
  }
  CHECK(r.fw.commanded_v() > 0.35f);
}

TEST_CASE("a_reset_resent_across_a_reboot_does_not_clear_the_boot_latch") {
  rig::Rig r;
  CHECK(r.hello(5));
  const proto::EstopReset reset{proto::kEstopResetConfirm};
  const uint16_t s = r.send(reset);
  CHECK_EQ(r.wait_ack(s), R(Result::OK));  // say this ack was lost on the way back ...
  r.fw.boot();                             // ... and the base browned out
  r.clear();
  r.send(reset, s, proto::kFlagNeedsAck | proto::kFlagRetransmit);  // the host retries, unaware
  CHECK_EQ(r.wait_ack(s), R(Result::REJECTED_STATE));
  CHECK(r.fw.safety().estop_latched());
  // The base's heartbeat shows no session, so the host says HELLO and learns the new boot id.
  r.run(200);
  proto::Heartbeat hb{};
  for (const auto& x : r.rx) {
    if (x.frame.h.msg_id == static_cast<uint8_t>(proto::MsgId::HEARTBEAT)) proto::decode(x.frame.payload, x.frame.h.len, hb);
  }
  CHECK((hb.status & static_cast<uint16_t>(proto::Status::SESSION)) == 0);
  CHECK(r.hello(5));
  CHECK(r.fw.safety().estop_latched());
}

TEST_CASE("a_new_boot_numbers_its_events_apart_from_the_last_boot") {
  // A host that acknowledged the old boot's events must not take the new boot's first event for a repeat.
  rig::Rig r;
  r.run(200);
  const auto first = r.safety_events(SafetyKind::ESTOP_LATCHED);
  CHECK(!first.empty());
  const uint32_t old_boot = r.fw.boot_id();
  r.run(50);
  r.fw.boot();
  r.clear();
  CHECK(r.fw.boot_id() != old_boot);
  r.run(200);
  const auto second = r.safety_events(SafetyKind::ESTOP_LATCHED);
  CHECK(!second.empty());
  CHECK(second.front().event_id != first.front().event_id);
  CHECK(second.front().event_id != 0);
}

TEST_SUITE_END();
