#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "rig.h"

using proto::Result;

namespace {
int R(Result r) { return static_cast<int>(r); }

proto::FollowPath chunk(uint16_t id, uint8_t index, uint8_t count, uint16_t speed,
                        std::initializer_list<proto::Waypoint> wps) {
  proto::FollowPath p{};
  p.path_id = id;
  p.chunk_index = index;
  p.chunk_count = count;
  p.speed_limit_mm_s = speed;
  for (const auto& w : wps) p.waypoints[p.waypoints_count++] = w;
  return p;
}
}  // namespace

TEST_SUITE_BEGIN("motion");

TEST_CASE("path_follower_reaches_goal_within_limits") {
  rig::Rig r;
  CHECK(r.start_session());
  CHECK_EQ(r.wait_ack(r.send(chunk(3, 0, 2, 600, {{1000, 0, 0}, {2000, 0, 0}}))), R(Result::OK));
  const uint16_t last = r.send(chunk(3, 1, 2, 600, {{2500, 1000, 0}, {2500, 2500, 300}}));
  CHECK_EQ(r.wait_ack(last), R(Result::IN_PROGRESS));
  float max_v = 0;
  float max_dv = 0;
  float prev_v = 0;
  uint32_t t = 0;
  while (t < 30000 && r.acks(last).size() < 2) {
    r.run(10);
    t += 10;
    max_v = std::max(max_v, r.fw.commanded_v());
    max_dv = std::max(max_dv, std::fabs(r.fw.commanded_v() - prev_v));
    prev_v = r.fw.commanded_v();
  }
  const auto acks = r.acks(last);
  CHECK_EQ(acks.size(), 2u);
  CHECK_EQ(acks.back().result, R(Result::OK));
  const robot::Pose& p = r.fw.pose();
  CHECK(std::hypot(p.x - 2.5f, p.y - 2.5f) < 0.25f);
  const robot::Pose& truth = r.world.truth();
  CHECK(std::hypot(truth.x - 2.5f, truth.y - 2.5f) < 0.35f);  // odometry drift included
  CHECK(max_v <= 0.6f + 1e-3f);
  CHECK(max_dv <= r.cfg.stop_decel_mps2 * 0.01f + 1e-4f);
  const auto done = r.safety_events(proto::SafetyKind::PATH_DONE);
  CHECK((!done.empty() && done.front().detail == 3));
  r.run(500);
  CHECK(r.fw.mode() == proto::Mode::IDLE);
}

TEST_CASE("out_of_order_chunk_is_invalid") {
  rig::Rig r;
  CHECK(r.start_session());
  CHECK_EQ(r.wait_ack(r.send(chunk(4, 0, 3, 500, {{1000, 0, 0}}))), R(Result::OK));
  CHECK_EQ(r.wait_ack(r.send(chunk(4, 2, 3, 500, {{2000, 0, 0}}))), R(Result::INVALID));
  CHECK_EQ(r.wait_ack(r.send(chunk(5, 0, 0, 500, {{2000, 0, 0}}))), R(Result::INVALID));
}

TEST_CASE("stop_aborts_path_with_event_and_final_ack") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(chunk(8, 0, 1, 500, {{5000, 0, 0}}));
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.run(1500);
  CHECK_EQ(r.wait_ack(r.send(proto::Stop{0})), R(Result::OK));
  r.run(600);
  CHECK(r.fw.mode() == proto::Mode::IDLE);
  CHECK_EQ(r.acks(s).back().result, R(Result::FAILED));
  CHECK(!r.safety_events(proto::SafetyKind::PATH_ABORTED).empty());
}

TEST_CASE("odometry_tracks_truth_on_a_straight_run") {
  rig::Rig r;
  CHECK(r.start_session());
  for (int i = 0; i < 60; ++i) {
    r.send(proto::CmdVel{400, 0, 0});
    r.run(50);
  }
  r.run(600);
  const float truth = r.world.truth().x;
  const float odom = r.fw.pose().x;
  CHECK(truth > 0.9f);
  CHECK(std::fabs(odom - truth) / truth < 0.01f);
}

TEST_CASE("dock_and_undock") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(proto::Dock{});
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.run(10000);
  CHECK_EQ(r.acks(s).back().result, R(Result::OK));
  CHECK(r.fw.mode() == proto::Mode::DOCKED);
  r.run(3000);
  CHECK(r.fw.battery().charging());
  CHECK((r.fw.status_bits() & static_cast<uint16_t>(proto::Status::CHARGING)));
  const uint16_t u = r.send(proto::Undock{});
  CHECK_EQ(r.wait_ack(u), R(Result::IN_PROGRESS));
  r.run(6000);
  CHECK_EQ(r.acks(u).back().result, R(Result::OK));
  CHECK(r.fw.mode() == proto::Mode::IDLE);
  CHECK(!r.world.charger_contact());
}

TEST_CASE("dock_fails_without_contacts") {
  sim::WorldParams wp;
  wp.dock = robot::Pose{5.0f, 5.0f, 0.0f};
  rig::Rig r(7, wp);
  CHECK(r.start_session());
  const uint16_t s = r.send(proto::Dock{});
  r.run(12000);
  CHECK_EQ(r.acks(s).back().result, R(Result::FAILED));
}

TEST_CASE("telemetry_rates") {
  rig::Rig r;
  r.run(100);
  const uint32_t since = r.now();
  r.run(2000);
  const size_t odom = r.count(proto::MsgId::ODOM, since);
  const size_t hb = r.count(proto::MsgId::HEARTBEAT, since);
  const size_t bat = r.count(proto::MsgId::BATTERY, since);
  CHECK((odom >= 99 && odom <= 101));
  CHECK((hb >= 19 && hb <= 21));
  CHECK((bat >= 1 && bat <= 3));
}

TEST_CASE("battery_drains_while_driving") {
  sim::WorldParams wp;
  wp.drain_factor = 10;
  wp.start_soc = 0.153f;
  rig::Rig r(7, wp);
  CHECK(r.start_session());
  const uint8_t start = r.fw.battery().soc_pct();
  for (int i = 0; i < 1200; ++i) {
    r.send(proto::CmdVel{300, 300, 0});
    r.run(50);
  }
  std::fprintf(stderr, "  battery %d%% -> %d%%\n", start, r.fw.battery().soc_pct());
  CHECK(r.fw.battery().soc_pct() < start);
  CHECK(r.fw.battery().low());
  CHECK(!r.safety_events(proto::SafetyKind::LOW_BATTERY).empty());
}

TEST_CASE("obstacle_holds_a_path_and_it_resumes") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(chunk(11, 0, 1, 500, {{3000, 0, 0}}));
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.run(1500);
  r.world.injected.obstacle_mm = 250;
  r.run(1500);
  const float held_x = r.world.truth().x;
  CHECK(std::fabs(r.fw.commanded_v()) < 1e-6f);
  CHECK(r.fw.mode() == proto::Mode::PATH);
  r.run(1000);
  CHECK(std::fabs(r.world.truth().x - held_x) < 0.01f);
  r.world.injected.obstacle_mm = robot::kNoObstacle;
  r.run(15000);
  CHECK_EQ(r.acks(s).back().result, R(Result::OK));
  CHECK(std::fabs(r.fw.pose().x - 3.0f) < 0.25f);
}

TEST_CASE("cmd_vel_preempts_a_path_and_set_pose_waits_for_it") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t s = r.send(chunk(12, 0, 1, 500, {{3000, 0, 0}}));
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.run(500);
  CHECK_EQ(r.wait_ack(r.send(proto::SetPose{0, 0, 0})), R(Result::BUSY));
  CHECK_EQ(r.wait_ack(r.send(proto::CmdVel{0, 0, 0})), R(Result::OK));
  CHECK(!r.safety_events(proto::SafetyKind::PATH_ABORTED).empty());
  CHECK_EQ(r.acks(s).back().result, R(Result::FAILED));
  r.run(1000);
  CHECK_EQ(r.wait_ack(r.send(proto::SetPose{1000, 2000, 1571})), R(Result::OK));
  CHECK(std::fabs(r.fw.pose().y - 2.0f) < 1e-3f);
}

TEST_CASE("acks_and_safety_events_get_through_when_the_host_stops_reading") {
  rig::Rig r;
  CHECK(r.start_session());
  r.board.tx_limit = 0;  // nobody drains the UART: telemetry piles up in the firmware's queue
  r.run(3000);
  CHECK(r.fw.tx_dropped() > 0);  // telemetry was dropped ...
  const uint16_t s = r.send(proto::SetSpeedLimit{400, 800});
  r.world.injected.bumper = true;
  r.run(20);
  r.board.tx_limit = 1 << 16;
  r.run(20);
  CHECK_EQ(r.acks(s).size(), 1u);  // ... but the ack and the safety event were not
  CHECK(!r.safety_events(proto::SafetyKind::BUMPER).empty());
}

TEST_CASE("a_person_in_the_way_stops_the_robot_before_contact") {
  rig::Rig r;
  CHECK(r.start_session());
  r.world.injected.obstacles.push_back(sim::Obstacle{2.0f, 0.0f, 0.25f});
  const uint16_t s = r.send(chunk(13, 0, 1, 700, {{4000, 0, 0}}));
  CHECK_EQ(r.wait_ack(s), R(Result::IN_PROGRESS));
  r.run(10000);
  CHECK(!r.fw.safety().estop_latched());  // never touched: no bumper contact
  CHECK(r.world.truth().x < 2.0f - 0.25f - sim::kRobotRadius);
  CHECK(r.world.truth().x > 1.0f);  // and it did drive up to the person
  CHECK(r.fw.mode() == proto::Mode::PATH);  // waiting, path still active
  r.world.injected.obstacles.clear();
  r.run(12000);
  CHECK_EQ(r.acks(s).back().result, R(Result::OK));
}

TEST_CASE("driving_into_an_obstacle_presses_the_bumper") {
  rig::Rig r;
  CHECK(r.start_session());
  r.world.injected.obstacles.push_back(sim::Obstacle{0.0f, 0.8f, 0.2f});  // beside the robot: not in the cone
  for (int i = 0; i < 60 && !r.fw.safety().estop_latched(); ++i) {
    r.send(proto::CmdVel{0, 0, 0});
    r.run(10);
    r.world.injected.obstacles[0].y -= 0.01f;  // something moves into the robot from the side
  }
  CHECK(r.fw.safety().estop_latched());
  CHECK(r.fw.safety().estop_source() == proto::EstopSource::BUMPER);
}

TEST_CASE("longest_path_is_accepted_and_a_ninth_chunk_is_not") {
  rig::Rig r;
  CHECK(r.start_session());
  CHECK_EQ(r.wait_ack(r.send(chunk(20, 0, 9, 500, {{1000, 0, 0}}))), R(Result::INVALID));
  uint16_t last = 0;
  for (uint8_t c = 0; c < 8; ++c) {
    proto::FollowPath p = chunk(21, c, 8, 500, {});
    for (int i = 0; i < 23; ++i) {
      // A zig-zag of 184 waypoints, 5 cm apart along x.
      p.waypoints[p.waypoints_count++] = proto::Waypoint{(c * 23 + i + 1) * 50, (i % 2) * 20, 0};
    }
    last = r.send(p);
    CHECK_EQ(r.wait_ack(last), R(c == 7 ? Result::IN_PROGRESS : Result::OK));
  }
  r.run(40000);
  CHECK_EQ(r.acks(last).back().result, R(Result::OK));
  CHECK(std::fabs(r.fw.pose().x - 9.2f) < 0.25f);
}

TEST_CASE("a_replanned_path_replaces_the_active_one_without_stopping") {
  rig::Rig r;
  CHECK(r.start_session());
  const uint16_t first = r.send(chunk(30, 0, 1, 500, {{5000, 0, 0}}));
  CHECK_EQ(r.wait_ack(first), R(Result::IN_PROGRESS));
  r.run(3000);
  const float v_before = r.fw.commanded_v();
  const uint16_t second = r.send(chunk(31, 0, 1, 500, {{3000, 1000, 0}}));
  CHECK_EQ(r.wait_ack(second), R(Result::IN_PROGRESS));
  CHECK(v_before > 0.4f);
  CHECK(r.fw.commanded_v() > 0.3f);  // kept moving through the swap
  CHECK_EQ(r.acks(first).back().result, R(Result::FAILED));
  const auto aborted = r.safety_events(proto::SafetyKind::PATH_ABORTED);
  CHECK((!aborted.empty() && aborted.front().detail == 30));
  r.run(15000);
  CHECK_EQ(r.acks(second).back().result, R(Result::OK));
  CHECK(std::hypot(r.fw.pose().x - 3.0f, r.fw.pose().y - 1.0f) < 0.25f);
}

TEST_SUITE_END();
