// robot-sim: the firmware core on a simulated base, attached to a pseudo-terminal.
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app.h"

namespace {
volatile int g_stop = 0;
void on_signal(int) { g_stop = 1; }

void usage() {
  std::fputs(
      "usage: robot-sim --port PATH [--create] [--control SOCK] [--baud N|0] [--odom-hz N]\n"
      "                 [--ber P] [--drop P] [--garbage P] [--fault-dir both|rx|tx] [--fault-seed N]\n"
      "                 [--soc F] [--drain X] [--dock X,Y,THETA] [--iwdg-ms N] [--exit-with-parent] [--verbose]\n"
      "Creates a pty and symlinks PATH to it when PATH does not exist (or with --create, replacing a\n"
      "symlink); otherwise opens the existing tty at PATH. Prints one JSON line when ready.\n",
      stderr);
}

bool parse_pose(const char* s, robot::Pose& p) {
  return std::sscanf(s, "%f,%f,%f", &p.x, &p.y, &p.theta) == 3;
}
}  // namespace

int main(int argc, char** argv) {
  sim::Options o;
  std::string dir = "both";
  sim::FaultConfig f;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    auto need = [&]() {
      if (!v) {
        std::fprintf(stderr, "robot-sim: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      ++i;
      return v;
    };
    if (a == "--port") o.port = need();
    else if (a == "--control") o.control = need();
    else if (a == "--create") o.create = true;
    else if (a == "--baud") o.baud = static_cast<uint32_t>(std::strtoul(need(), nullptr, 10));
    else if (a == "--odom-hz") o.odom_hz = static_cast<uint32_t>(std::strtoul(need(), nullptr, 10));
    else if (a == "--ber") f.ber = std::strtod(need(), nullptr);
    else if (a == "--drop") f.drop = std::strtod(need(), nullptr);
    else if (a == "--garbage") f.garbage = std::strtod(need(), nullptr);
    else if (a == "--fault-dir") dir = need();
    else if (a == "--fault-seed") o.fault_seed = static_cast<uint32_t>(std::strtoul(need(), nullptr, 10));
    else if (a == "--soc") o.world.start_soc = std::strtof(need(), nullptr);
    else if (a == "--drain") o.world.drain_factor = std::strtof(need(), nullptr);
    else if (a == "--iwdg-ms") o.iwdg_ms = static_cast<uint32_t>(std::strtoul(need(), nullptr, 10));
    else if (a == "--verbose") o.verbose = true;
    else if (a == "--exit-with-parent") {
      // Used by sim.mjs: if the wrapper dies, even by SIGKILL, the firmware goes too (and cleans up).
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() == 1) return 1;
    }
    else if (a == "--dock") {
      if (!parse_pose(need(), o.world.dock)) {
        std::fputs("robot-sim: --dock wants X,Y,THETA in metres and radians\n", stderr);
        return 2;
      }
    } else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      std::fprintf(stderr, "robot-sim: unknown option %s\n", a.c_str());
      usage();
      return 2;
    }
  }
  if (o.port.empty() || (dir != "both" && dir != "rx" && dir != "tx") || o.odom_hz < 1 || o.odom_hz > 100) {
    usage();
    return 2;
  }
  if (dir != "tx") o.fault_rx = f;
  if (dir != "rx") o.fault_tx = f;
  if (o.control.empty()) o.control = o.port + ".control";
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGHUP, on_signal);
  std::signal(SIGPIPE, SIG_IGN);
  sim::App app(o);
  std::string error;
  if (!app.start(error)) {
    std::fprintf(stderr, "robot-sim: %s\n", error.c_str());
    app.shutdown();
    return 1;
  }
  app.run(g_stop);
  app.shutdown();
  std::fprintf(stdout, "{\"event\":\"exit\"}\n");
  return 0;
}
