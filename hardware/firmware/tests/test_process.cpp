// Cross-process test: runs the real robot-sim binary on a pty and talks to it like a host would.
// usage: process_tests /path/to/robot-sim
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
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "messages.h"
#include "robot/frame.h"

namespace {
int failures = 0;
#define EXPECT(c)                                                     \
  do {                                                                \
    if (!(c)) {                                                       \
      std::fprintf(stderr, "  FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

struct Sim {
  pid_t pid = -1;
  int out = -1;
  std::string ready;
};

Sim start(const char* bin, const std::vector<std::string>& args) {
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
  close(s.out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string json_field(const std::string& json, const std::string& key) {
  const size_t k = json.find("\"" + key + "\":");
  if (k == std::string::npos) return "";
  size_t v = k + key.size() + 3;
  if (json[v] == '"') {
    const size_t e = json.find('"', v + 1);
    return json.substr(v + 1, e - v - 1);
  }
  size_t e = v;
  while (e < json.size() && json[e] != ',' && json[e] != '}') ++e;
  return json.substr(v, e - v);
}

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
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  char dir[] = "/tmp/robot-sim-test-XXXXXX";
  if (!mkdtemp(dir)) return 2;
  const std::string port = std::string(dir) + "/port";

  // 1. The sim creates a pty and a symlink; a host handshakes; the control channel answers; SIGTERM cleans up.
  Sim s = start(argv[1], {"--port", port});
  EXPECT(json_field(s.ready, "event") == "ready");
  const std::string ctl = json_field(s.ready, "control");
  const int fd = open(port.c_str(), O_RDWR | O_NOCTTY);
  EXPECT(fd >= 0);
  raw(fd);
  const uint32_t boot = handshake(fd, 4242);
  EXPECT(boot != 0 && std::to_string(boot) == json_field(s.ready, "boot_id"));
  const std::string st = control(ctl, "{\"cmd\":\"state\"}");
  EXPECT(json_field(st, "ok") == "true" && json_field(st, "session") == "true" && json_field(st, "mode") == "ESTOP");
  EXPECT(json_field(control(ctl, "{\"cmd\":\"nonsense\"}"), "ok") == "false");
  EXPECT(json_field(control(ctl, "{\"cmd\":\"reboot\"}"), "ok") == "true");
  const uint32_t boot2 = handshake(fd, 4243);
  EXPECT(boot2 != 0 && boot2 != boot);
  close(fd);
  EXPECT(stop(s) == 0);
  struct stat sb {};
  EXPECT(lstat(port.c_str(), &sb) != 0);  // symlink removed
  EXPECT(lstat(ctl.c_str(), &sb) != 0);   // control socket removed

  // 2. The sim opens an existing tty (here the slave of a pty this test owns, like a socat end).
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  EXPECT(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
  const std::string slave = ptsname(master);
  Sim s2 = start(argv[1], {"--port", slave, "--control", std::string(dir) + "/ctl2"});
  EXPECT(json_field(s2.ready, "device") == slave);
  raw(master);
  EXPECT(handshake(master, 9) != 0);
  EXPECT(stop(s2) == 0);
  close(master);
  rmdir(dir);
  std::fprintf(stderr, "%s process.robot_sim_on_pty\n", failures ? "FAIL" : "ok  ");
  return failures ? 1 : 0;
}
