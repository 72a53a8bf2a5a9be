// Cross-process test: runs the real robot-sim binary (ROBOT_SIM_BIN, set by CMake) on a pty and talks to it
// like a host would.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "messages.h"
#include "robot/frame.h"

namespace {
using nlohmann::json;

struct Sim {
  pid_t pid = -1;
  int out = -1;
  std::string ready;
  Sim() = default;
  Sim(const Sim&) = delete;
  Sim& operator=(const Sim&) = delete;
  Sim(Sim&& o) noexcept : pid(o.pid), out(o.out), ready(std::move(o.ready)) { o.pid = -1, o.out = -1; }
  /** A test case that ends early (a failed REQUIRE, an exception) does not leave the sim running. */
  ~Sim() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    if (out >= 0) close(out);
  }
};

Sim start(const std::vector<std::string>& args) {
  const char* bin = ROBOT_SIM_BIN;
  int p[2];
  if (pipe(p) != 0) std::abort();
  Sim s;
  s.pid = fork();
  if (s.pid == 0) {
    dup2(p[1], 1);
    close(p[0]);
    std::vector<char*> argv{const_cast<char*>(bin)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin, argv.data());
    _exit(127);
  }
  close(p[1]);
  s.out = p[0];
  std::string line;
  char c;
  pollfd pf{s.out, POLLIN, 0};
  while (poll(&pf, 1, 5000) > 0 && read(s.out, &c, 1) == 1 && c != '\n') line.push_back(c);
  s.ready = line;
  return s;
}

int stop(Sim& s) {
  kill(s.pid, SIGTERM);
  int status = 0;
  waitpid(s.pid, &status, 0);
  s.pid = -1;
  close(s.out);
  s.out = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/** Member `key` of the JSON object on `line`; null when the line is not a JSON object or lacks it. */
json member(const std::string& line, const char* key) {
  const json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && j.contains(key) ? j[key] : json();
}

std::string text(const json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

/** Sends HELLO on fd and waits for the matching HELLO_ACK; returns its boot id or 0. */
uint32_t handshake(int fd, uint16_t seq) {
  uint8_t buf[robot::kMaxWireFrame];
  const proto::Hello h{proto::kProtocolVersion, proto::kSchemaHash, 77};
  const size_t n = robot::encode_message(h, proto::kFlagNeedsAck, seq, 0, buf, sizeof buf);
  if (write(fd, buf, n) != static_cast<ssize_t>(n)) return 0;
  robot::FrameParser parser;
  robot::Frame f{};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd pf{fd, POLLIN, 0};
    if (poll(&pf, 1, 100) <= 0) continue;
    uint8_t in[512];
    const ssize_t r = read(fd, in, sizeof in);
    for (ssize_t i = 0; i < r; ++i) {
      if (!parser.feed(in[i], f) || f.h.msg_id != static_cast<uint8_t>(proto::MsgId::HELLO_ACK)) continue;
      proto::HelloAck a{};
      if (proto::decode(f.payload, f.h.len, a) && a.hello_seq == seq && a.schema_hash == proto::kSchemaHash &&
          a.estop_latched == 1) {
        return a.boot_id;
      }
    }
  }
  return 0;
}

std::string control(const std::string& path, const std::string& request) {
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return "";
  const std::string line = request + "\n";
  if (write(fd, line.data(), line.size()) < 0) return "";
  std::string reply;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') reply.push_back(c);
  close(fd);
  return reply;
}

void raw(int fd) {
  termios t{};
  tcgetattr(fd, &t);
  cfmakeraw(&t);
  tcsetattr(fd, TCSANOW, &t);
}

struct TempDir {
  char path[32] = "/tmp/robot-sim-test-XXXXXX";
  TempDir() { REQUIRE(mkdtemp(path) != nullptr); }
  ~TempDir() { rmdir(path); }
};
}  // namespace

TEST_SUITE_BEGIN("process");

TEST_CASE("robot_sim_creates_a_pty_and_cleans_up") {
  // The sim creates a pty and a symlink; a host handshakes; the control channel answers; SIGTERM cleans up.
  TempDir dir;
  const std::string port = std::string(dir.path) + "/port";
  Sim s = start({"--port", port});
  CHECK(member(s.ready, "event") == "ready");
  const std::string ctl = text(member(s.ready, "control"));
  const int fd = open(port.c_str(), O_RDWR | O_NOCTTY);
  CHECK(fd >= 0);
  raw(fd);
  const uint32_t boot = handshake(fd, 4242);
  CHECK((boot != 0 && member(s.ready, "boot_id") == boot));
  const std::string st = control(ctl, "{\"cmd\":\"state\"}");
  CHECK((member(st, "ok") == true && member(st, "session") == true && member(st, "mode") == "ESTOP"));
  CHECK(member(control(ctl, "{\"cmd\":\"nonsense\"}"), "ok") == false);
  CHECK(member(control(ctl, "{\"cmd\":\"reboot\"}"), "ok") == true);
  const uint32_t boot2 = handshake(fd, 4243);
  CHECK((boot2 != 0 && boot2 != boot));
  close(fd);
  CHECK(stop(s) == 0);
  struct stat sb {};
  CHECK(lstat(port.c_str(), &sb) != 0);  // symlink removed
  CHECK(lstat(ctl.c_str(), &sb) != 0);   // control socket removed
}

TEST_CASE("robot_sim_opens_an_existing_tty") {
  // The sim opens an existing tty (here the slave of a pty this test owns, like a socat end).
  TempDir dir;
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE((master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0));
  const std::string slave = ptsname(master);
  Sim s2 = start({"--port", slave, "--control", std::string(dir.path) + "/ctl2"});
  CHECK(member(s2.ready, "device") == slave);
  raw(master);
  CHECK(handshake(master, 9) != 0);
  CHECK(stop(s2) == 0);
  close(master);
}

TEST_SUITE_END();
