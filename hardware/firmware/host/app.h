#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "control.h"
#include "faults.h"
#include "pty_port.h"
#include "robot/firmware.h"
#include "sim.h"

namespace sim {

struct Options {
  std::string port;
  std::string control;
  bool create = false;
  uint32_t baud = 115200;  ///< pacing of both directions; 0 = unpaced
  FaultConfig fault_rx;    ///< host -> firmware
  FaultConfig fault_tx;    ///< firmware -> host
  uint32_t fault_seed = 0;
  uint32_t odom_hz = 50;
  uint32_t iwdg_ms = 1000;  ///< a hang longer than this reboots the firmware, like the MCU's watchdog
  bool verbose = false;
  WorldParams world;
};

/** The host firmware process: pty, simulated board, firmware core, faults and the control channel. */
class App {
 public:
  explicit App(const Options& opt);
  bool start(std::string& error);
  /** Runs until `stop` becomes true. */
  void run(const volatile int& stop);
  void shutdown();

 private:
  // The JSON the process speaks (app_control.cpp): control requests and replies, stdout events.
  std::string handle(const std::string& line);
  std::string state_json();
  std::string ready_event();
  std::string boot_event();
  void reboot();
  void pump_io(uint64_t now_real);
  void print_event(const std::string& json);

  Options opt_;
  robot::RobotConfig cfg_;
  World world_;
  SimBoard board_;
  robot::Firmware fw_;
  PtyPort port_;
  ControlServer control_;
  LinkFaults faults_rx_;
  LinkFaults faults_tx_;
  std::deque<uint8_t> in_;   // read from the port, waiting for the simulated UART
  std::deque<uint8_t> out_;  // from the simulated UART, waiting for the port
  uint64_t silence_until_ = 0;
  uint64_t hang_until_ = 0;
  uint64_t hang_started_ = 0;
  uint64_t last_real_ = 0;
  double rx_budget_ = 0;
  double tx_budget_ = 0;
  uint32_t boots_ = 0;
};

}  // namespace sim
