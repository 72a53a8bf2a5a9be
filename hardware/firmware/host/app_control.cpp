// The control channel's commands (documented in hardware/README.md).
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

#include "app.h"
#include "json_lite.h"

namespace sim {

namespace {
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

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.4f", v);
  return b;
}

bool as_bool(const FlatJson& j, const char* key, bool& out) {
  const auto it = j.find(key);
  if (it == j.end() || (it->second != "true" && it->second != "false")) return false;
  out = it->second == "true";
  return true;
}

bool as_num(const FlatJson& j, const char* key, double& out) {
  const auto it = j.find(key);
  if (it == j.end()) return false;
  char* end = nullptr;
  out = std::strtod(it->second.c_str(), &end);
  return end && *end == 0 && !it->second.empty();
}

std::string ok(const std::string& extra = "") { return "{\"ok\":true" + extra + "}"; }
std::string fail(const std::string& why) { return "{\"ok\":false,\"error\":\"" + json_escape(why) + "\"}"; }

std::string faults_json(const LinkFaults& f) {
  return "{\"ber\":" + num(f.cfg.ber) + ",\"drop\":" + num(f.cfg.drop) + ",\"garbage\":" + num(f.cfg.garbage) +
         ",\"bytes\":" + std::to_string(f.stats.bytes) + ",\"flipped_bits\":" + std::to_string(f.stats.flipped_bits) +
         ",\"dropped\":" + std::to_string(f.stats.dropped) + ",\"inserted\":" + std::to_string(f.stats.inserted) +
         ",\"silenced\":" + std::to_string(f.stats.silenced) + "}";
}
}  // namespace

std::string App::state_json() {
  const robot::Pose& t = world_.truth();
  const robot::Pose& o = fw_.pose();
  const robot::FirmwareStats& s = fw_.stats();
  const robot::ParserStats& p = fw_.parser_stats();
  const robot::BatteryReading b = world_.battery();
  std::string j = ",\"t_ms\":" + std::to_string(board_.now()) + ",\"boot_id\":" + std::to_string(fw_.boot_id()) +
                  ",\"boots\":" + std::to_string(boots_) + ",\"mode\":\"" + mode_name(fw_.mode()) + "\"" +
                  ",\"session\":" + (fw_.session_active() ? "true" : "false") +
                  ",\"estop_latched\":" + (fw_.safety().estop_latched() ? "true" : "false") +
                  ",\"status\":" + std::to_string(fw_.status_bits());
  j += ",\"truth\":{\"x\":" + num(t.x) + ",\"y\":" + num(t.y) + ",\"theta\":" + num(t.theta) + "}";
  j += ",\"odom\":{\"x\":" + num(o.x) + ",\"y\":" + num(o.y) + ",\"theta\":" + num(o.theta) + ",\"v\":" +
       num(fw_.v()) + ",\"w\":" + num(fw_.w()) + "}";
  j += ",\"wheels\":{\"left\":" + num(world_.wheel_left()) + ",\"right\":" + num(world_.wheel_right()) + "}";
  j += ",\"motors\":{\"enabled\":" + std::string(fw_.motors_enabled() ? "true" : "false") +
       ",\"left\":" + std::to_string(fw_.pwm_left()) + ",\"right\":" + std::to_string(fw_.pwm_right()) + "}";
  j += ",\"commanded\":{\"v\":" + num(fw_.commanded_v()) + ",\"w\":" + num(fw_.commanded_w()) + "}";
  j += ",\"battery\":{\"soc\":" + num(world_.soc()) + ",\"mv\":" + std::to_string(b.voltage_mv) +
       ",\"ma\":" + std::to_string(b.current_ma) + ",\"charger_contact\":" +
       (world_.charger_contact() ? "true" : "false") + "}";
  j += ",\"stats\":{\"commands\":" + std::to_string(s.commands) + ",\"executions\":" + std::to_string(s.executions) +
       ",\"duplicates\":" + std::to_string(s.duplicates) + ",\"max_exec_count\":" + std::to_string(s.max_exec_count) +
       ",\"retransmit_flag\":" + std::to_string(s.retransmit_flag) +
       ",\"payload_errors\":" + std::to_string(s.payload_errors) + ",\"unexpected\":" + std::to_string(s.unexpected) +
       ",\"tx_dropped\":" + std::to_string(fw_.tx_dropped()) +
       ",\"safety_pending\":" + std::to_string(fw_.safety_events().pending()) +
       ",\"safety_resends\":" + std::to_string(fw_.safety_events().resends()) + "}";
  j += ",\"parser\":{\"bytes\":" + std::to_string(p.bytes) + ",\"frames\":" + std::to_string(p.frames) +
       ",\"crc_errors\":" + std::to_string(p.crc_errors) + ",\"cobs_errors\":" + std::to_string(p.cobs_errors) +
       ",\"length_errors\":" + std::to_string(p.length_errors) + ",\"unknown_msg\":" + std::to_string(p.unknown_msg) +
       ",\"version_errors\":" + std::to_string(p.version_errors) + ",\"overflows\":" + std::to_string(p.overflows) + "}";
  j += ",\"faults\":{\"rx\":" + faults_json(faults_rx_) + ",\"tx\":" + faults_json(faults_tx_) + "}";
  const Injected& in = world_.injected;
  j += ",\"injected\":{\"bumper\":" + std::string(in.bumper ? "true" : "false") +
       ",\"estop_button\":" + (in.estop_button ? "true" : "false") +
       ",\"motor_fault\":" + (in.motor_fault ? "true" : "false") + ",\"obstacle_mm\":" +
       (in.obstacle_mm == robot::kNoObstacle ? std::string("null") : std::to_string(in.obstacle_mm)) +
       ",\"obstacles\":" + std::to_string(in.obstacles.size()) + ",\"range_mm\":" +
       (world_.range_mm() == robot::kNoObstacle ? std::string("null") : std::to_string(world_.range_mm())) + "}";
  return ok(j);
}

std::string App::handle(const std::string& line) {
  FlatJson j;
  if (!parse_flat_json(line, j)) return fail("not a flat JSON object");
  const std::string cmd = j["cmd"];
  const uint64_t now = monotonic_ms();
  bool b = false;
  double d = 0;
  if (cmd == "ping") return ok();
  if (cmd == "state") return state_json();
  if (cmd == "bumper" && as_bool(j, "pressed", b)) return world_.injected.bumper = b, ok();
  if (cmd == "estop_button" && as_bool(j, "pressed", b)) return world_.injected.estop_button = b, ok();
  if (cmd == "motor_fault" && as_bool(j, "active", b)) return world_.injected.motor_fault = b, ok();
  if (cmd == "obstacle") {
    if (j["distance_mm"] == "null") return world_.injected.obstacle_mm = robot::kNoObstacle, ok();
    if (as_num(j, "distance_mm", d) && d >= 0 && d < 65535) {
      world_.injected.obstacle_mm = static_cast<uint16_t>(d);
      return ok();
    }
    return fail("obstacle needs distance_mm (0..65534) or null");
  }
  if (cmd == "obstacle_at") {
    double x = 0, y = 0, r = 0.25;
    if (!as_num(j, "x", x) || !as_num(j, "y", y) || (j.count("radius") && !as_num(j, "radius", r)) || r <= 0) {
      return fail("obstacle_at needs x, y (m, world frame = odometry frame at start) and optional radius > 0");
    }
    if (world_.injected.obstacles.size() >= 32) return fail("at most 32 obstacles");
    world_.injected.obstacles.push_back(Obstacle{static_cast<float>(x), static_cast<float>(y), static_cast<float>(r)});
    return ok(",\"count\":" + std::to_string(world_.injected.obstacles.size()));
  }
  if (cmd == "obstacles_clear") return world_.injected.obstacles.clear(), ok();
  if (cmd == "battery" && as_num(j, "soc", d) && d >= 0 && d <= 1) {
    world_.set_soc(static_cast<float>(d));
    fw_.reseed_battery();  // a swapped pack: the firmware's estimate follows, not only the physics
    return ok();
  }
  if (cmd == "faults") {
    const std::string dir = j.count("dir") ? j["dir"] : "both";
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
    return ok(",\"boot_id\":" + std::to_string(fw_.boot_id()));
  }
  if (cmd == "exit" && as_num(j, "code", d)) {
    // A crash, as far as the host can tell: no cleanup, no goodbye.
    std::fflush(stdout);
    ::_exit(static_cast<int>(d));
  }
  return fail("unknown or malformed command: " + cmd);
}

}  // namespace sim
