// The JSON robot-sim speaks: the control channel's commands and replies (documented in hardware/README.md)
// and the events it prints on stdout. All of it in this file, so only one file compiles nlohmann-json.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include <unistd.h>

#include "app.h"

namespace sim {

namespace {
// ordered_json throughout: replies keep the member order written here, and one basic_json type compiles once.
using json = nlohmann::ordered_json;

const char* mode_name(proto::Mode m) {
  switch (m) {
    case proto::Mode::IDLE: return "IDLE";
    case proto::Mode::VELOCITY: return "VELOCITY";
    case proto::Mode::PATH: return "PATH";
    case proto::Mode::DOCKING: return "DOCKING";
    case proto::Mode::DOCKED: return "DOCKED";
    case proto::Mode::STOPPING: return "STOPPING";
    case proto::Mode::ESTOP: return "ESTOP";
    case proto::Mode::FAULT: return "FAULT";
  }
  return "?";
}

/** `v` to 4 decimals (0.1 mm, 0.1 mrad), the precision `state` has always reported. */
double num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", v);
  return std::strtod(b, nullptr);
}

bool as_bool(const json& j, const char* key, bool& out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return false;
  out = it->get<bool>();
  return true;
}

bool as_num(const json& j, const char* key, double& out) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return false;
  out = it->get<double>();
  return true;
}

/** The string member `key`: `missing` when absent, "" when it is not a string. */
std::string as_str(const json& j, const char* key, const char* missing = "") {
  const auto it = j.find(key);
  if (it == j.end()) return missing;
  return it->is_string() ? it->get<std::string>() : std::string();
}

/** One line of JSON (no newline); bytes that are not UTF-8 (a path, say) become U+FFFD instead of throwing. */
std::string json_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string ok() { return json_line({{"ok", true}}); }
std::string ok(const char* key, uint64_t value) { return json_line({{"ok", true}, {key, value}}); }
std::string fail(const std::string& why) { return json_line({{"ok", false}, {"error", why}}); }

json faults_json(const LinkFaults& f) {
  json j;
  j["ber"] = num(f.cfg.ber);
  j["drop"] = num(f.cfg.drop);
  j["garbage"] = num(f.cfg.garbage);
  j["bytes"] = f.stats.bytes;
  j["flipped_bits"] = f.stats.flipped_bits;
  j["dropped"] = f.stats.dropped;
  j["inserted"] = f.stats.inserted;
  j["silenced"] = f.stats.silenced;
  return j;
}

json mm_or_null(uint16_t mm) { return mm == robot::kNoObstacle ? json(nullptr) : json(mm); }
}  // namespace

std::string App::ready_event() {
  json j;
  j["event"] = "ready";
  j["port"] = opt_.port;
  j["device"] = port_.device();
  j["control"] = opt_.control;
  j["boot_id"] = fw_.boot_id();
  j["pid"] = getpid();
  return json_line(j);
}

std::string App::boot_event() {
  json j;
  j["event"] = "boot";
  j["boot_id"] = fw_.boot_id();
  return json_line(j);
}

std::string App::state_json() {
  const robot::Pose& t = world_.truth();
  const robot::Pose& o = fw_.pose();
  const robot::FirmwareStats& s = fw_.stats();
  const robot::ParserStats& p = fw_.parser_stats();
  const robot::BatteryReading b = world_.battery();
  const Injected& in = world_.injected;
  json j;
  j["ok"] = true;
  j["t_ms"] = board_.now();
  j["boot_id"] = fw_.boot_id();
  j["boots"] = boots_;
  j["mode"] = mode_name(fw_.mode());
  j["session"] = fw_.session_active();
  j["estop_latched"] = fw_.safety().estop_latched();
  j["status"] = fw_.status_bits();
  json& truth = j["truth"];
  truth["x"] = num(t.x);
  truth["y"] = num(t.y);
  truth["theta"] = num(t.theta);
  json& odom = j["odom"];
  odom["x"] = num(o.x);
  odom["y"] = num(o.y);
  odom["theta"] = num(o.theta);
  odom["v"] = num(fw_.v());
  odom["w"] = num(fw_.w());
  j["wheels"]["left"] = num(world_.wheel_left());
  j["wheels"]["right"] = num(world_.wheel_right());
  json& motors = j["motors"];
  motors["enabled"] = fw_.motors_enabled();
  motors["left"] = fw_.pwm_left();
  motors["right"] = fw_.pwm_right();
  j["commanded"]["v"] = num(fw_.commanded_v());
  j["commanded"]["w"] = num(fw_.commanded_w());
  json& battery = j["battery"];
  battery["soc"] = num(world_.soc());
  battery["mv"] = b.voltage_mv;
  battery["ma"] = b.current_ma;
  battery["charger_contact"] = world_.charger_contact();
  json& stats = j["stats"];
  stats["commands"] = s.commands;
  stats["executions"] = s.executions;
  stats["duplicates"] = s.duplicates;
  stats["max_exec_count"] = s.max_exec_count;
  stats["retransmit_flag"] = s.retransmit_flag;
  stats["payload_errors"] = s.payload_errors;
  stats["unexpected"] = s.unexpected;
  stats["tx_dropped"] = fw_.tx_dropped();
  stats["safety_pending"] = fw_.safety_events().pending();
  stats["safety_resends"] = fw_.safety_events().resends();
  json& parser = j["parser"];
  parser["bytes"] = p.bytes;
  parser["frames"] = p.frames;
  parser["crc_errors"] = p.crc_errors;
  parser["cobs_errors"] = p.cobs_errors;
  parser["length_errors"] = p.length_errors;
  parser["unknown_msg"] = p.unknown_msg;
  parser["version_errors"] = p.version_errors;
  parser["overflows"] = p.overflows;
  j["faults"]["rx"] = faults_json(faults_rx_);
  j["faults"]["tx"] = faults_json(faults_tx_);
  json& injected = j["injected"];
  injected["bumper"] = in.bumper;
  injected["estop_button"] = in.estop_button;
  injected["motor_fault"] = in.motor_fault;
  injected["obstacle_mm"] = mm_or_null(in.obstacle_mm);
  injected["obstacles"] = in.obstacles.size();
  injected["range_mm"] = mm_or_null(world_.range_mm());
  return json_line(j);
}

std::string App::handle(const std::string& line) {
  const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  // Requests are flat objects (README, "Control channel"): a nested member is refused, not ignored.
  if (!j.is_object() || std::any_of(j.begin(), j.end(), [](const json& v) { return v.is_structured(); })) {
    return fail("not a flat JSON object");
  }
  const std::string cmd = as_str(j, "cmd");
  const uint64_t now = monotonic_ms();
  bool b = false;
  double d = 0;
  if (cmd == "ping") return ok();
  if (cmd == "state") return state_json();
  if (cmd == "bumper" && as_bool(j, "pressed", b)) return world_.injected.bumper = b, ok();
  if (cmd == "estop_button" && as_bool(j, "pressed", b)) return world_.injected.estop_button = b, ok();
  if (cmd == "motor_fault" && as_bool(j, "active", b)) return world_.injected.motor_fault = b, ok();
  if (cmd == "obstacle") {
    const auto distance = j.find("distance_mm");
    if (distance != j.end() && distance->is_null()) return world_.injected.obstacle_mm = robot::kNoObstacle, ok();
    if (as_num(j, "distance_mm", d) && d >= 0 && d < 65535) {
      world_.injected.obstacle_mm = static_cast<uint16_t>(d);
      return ok();
    }
    return fail("obstacle needs distance_mm (0..65534) or null");
  }
  if (cmd == "obstacle_at") {
    double x = 0, y = 0, r = 0.25;
    if (!as_num(j, "x", x) || !as_num(j, "y", y) || (j.contains("radius") && !as_num(j, "radius", r)) || r <= 0) {
      return fail("obstacle_at needs x, y (m, world frame = odometry frame at start) and optional radius > 0");
    }
    if (world_.injected.obstacles.size() >= 32) return fail("at most 32 obstacles");
    world_.injected.obstacles.push_back(Obstacle{static_cast<float>(x), static_cast<float>(y), static_cast<float>(r)});
    return ok("count", world_.injected.obstacles.size());
  }
  if (cmd == "obstacles_clear") return world_.injected.obstacles.clear(), ok();
  if (cmd == "battery" && as_num(j, "soc", d) && d >= 0 && d <= 1) {
    world_.set_soc(static_cast<float>(d));
    fw_.reseed_battery();  // a swapped pack: the firmware's estimate follows, not only the physics
    return ok();
  }
  if (cmd == "faults") {
    const std::string dir = as_str(j, "dir", "both");
    if (dir != "both" && dir != "rx" && dir != "tx") return fail("dir must be both, rx or tx");
    FaultConfig f;
    if (as_num(j, "ber", d)) f.ber = d;
    if (as_num(j, "drop", d)) f.drop = d;
    if (as_num(j, "garbage", d)) f.garbage = d;
    if (f.ber < 0 || f.ber > 1 || f.drop < 0 || f.drop > 1 || f.garbage < 0 || f.garbage > 1) {
      return fail("probabilities must be within 0..1");
    }
    if (dir != "tx") faults_rx_.cfg = f;
    if (dir != "rx") faults_tx_.cfg = f;
    return ok();
  }
  if (cmd == "silence" && as_num(j, "ms", d) && d >= 0) {
    silence_until_ = now + static_cast<uint64_t>(d);
    return ok();
  }
  if (cmd == "hang" && as_num(j, "ms", d) && d >= 0) {
    hang_started_ = now;
    hang_until_ = now + static_cast<uint64_t>(d);
    return ok();
  }
  if (cmd == "reboot") {
    reboot();
    return ok("boot_id", fw_.boot_id());
  }
  if (cmd == "exit" && as_num(j, "code", d)) {
    // A crash, as far as the host can tell: no cleanup, no goodbye.
    std::fflush(stdout);
    ::_exit(static_cast<int>(d));
  }
  return fail("unknown or malformed command: " + cmd);
}

}  // namespace sim
