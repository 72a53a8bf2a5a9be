#include "app.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <vector>

namespace sim {

namespace {
uint32_t random_seed() {
  std::random_device rd;
  return rd() ^ static_cast<uint32_t>(monotonic_ms() * 2654435761u) ^ static_cast<uint32_t>(getpid());
}

robot::RobotConfig make_config(const Options& o) {
  robot::RobotConfig c;
  c.odom_period_ms = o.odom_hz > 0 ? 1000 / o.odom_hz : 20;
  c.capabilities =
      robot::reference_base_capabilities() | static_cast<uint32_t>(proto::Capability::SIMULATED);
  return c;
}
}  // namespace

App::App(const Options& opt)
    : opt_(opt),
      cfg_(make_config(opt)),
      world_(cfg_, opt.world),
      board_(world_, random_seed()),
      fw_(board_, cfg_),
      faults_rx_(opt.fault_seed ? opt.fault_seed : random_seed()),
      faults_tx_(opt.fault_seed ? opt.fault_seed + 1 : random_seed()) {
  faults_rx_.cfg = opt.fault_rx;
  faults_tx_.cfg = opt.fault_tx;
}

void App::print_event(const std::string& json) {
  std::fprintf(stdout, "%s\n", json.c_str());
  std::fflush(stdout);
}

bool App::start(std::string& error) {
  if (!port_.open(opt_.port, opt_.create, error)) return false;
  if (!control_.listen(opt_.control, error)) return false;
  fw_.boot();
  boots_ = 1;
  last_real_ = monotonic_ms();
  print_event(ready_event());
  return true;
}

void App::reboot() {
  board_.rx.clear();
  board_.tx.clear();
  in_.clear();
  out_.clear();
  fw_.boot();
  ++boots_;
  if (opt_.verbose) std::fprintf(stderr, "robot-sim: reboot, boot_id %u\n", fw_.boot_id());
  print_event(boot_event());
}

void App::pump_io(uint64_t now) {
  const bool silent = now < silence_until_;
  uint8_t buf[4096];
  for (;;) {
    const size_t n = port_.read(buf, sizeof buf);
    if (n == 0) break;
    faults_rx_.apply(buf, n, silent, in_);
    if (in_.size() > (1u << 20)) in_.clear();  // nobody drains a hung firmware forever
  }
  // The UART moves at most baud/10 bytes per second in each direction (budgets refilled in run()).
  size_t rx_allow = in_.size();
  size_t tx_allow = 1u << 20;
  if (opt_.baud) {
    rx_allow = static_cast<size_t>(rx_budget_);
    tx_allow = static_cast<size_t>(tx_budget_);
  }
  size_t moved = 0;
  while (moved < rx_allow && !in_.empty()) {
    board_.rx.push_back(in_.front());
    in_.pop_front();
    ++moved;
  }
  if (opt_.baud) rx_budget_ -= static_cast<double>(moved);
  std::vector<uint8_t> chunk;
  while (chunk.size() < tx_allow && !board_.tx.empty()) {
    chunk.push_back(board_.tx.front());
    board_.tx.pop_front();
  }
  if (opt_.baud) tx_budget_ -= static_cast<double>(chunk.size());
  faults_tx_.apply(chunk.data(), chunk.size(), silent, out_);
  while (!out_.empty()) {
    size_t k = 0;
    uint8_t wbuf[4096];
    for (auto it = out_.begin(); it != out_.end() && k < sizeof wbuf; ++it) wbuf[k++] = *it;
    const size_t w = port_.write(wbuf, k);
    out_.erase(out_.begin(), out_.begin() + static_cast<long>(w));
    if (w < k) break;
  }
  if (out_.size() > (1u << 16)) out_.clear();
}

void App::run(const volatile int& stop) {
  while (!stop) {
    std::vector<pollfd> pfds;
    if (port_.fd() >= 0) pfds.push_back(pollfd{port_.fd(), POLLIN, 0});
    for (const int fd : control_.fds()) pfds.push_back(pollfd{fd, POLLIN, 0});
    // 1 ms granularity keeps control ticks on time; input wakes us immediately.
    if (::poll(pfds.data(), pfds.size(), 1) < 0 && errno != EINTR) break;
    // A pty master with no slave open reports POLLHUP continuously; do not spin on it.
    const uint64_t now = monotonic_ms();
    control_.serve([this](const std::string& line) { return handle(line); });
    uint64_t elapsed = now - last_real_;
    if (elapsed > 200) elapsed = 200;  // stopped in a debugger or starved: do not replay a long gap
    last_real_ = now;
    if (now < hang_until_) {
      // The firmware is wedged: no serial, no control loop, but the wheels keep their last PWM.
      board_.advance(static_cast<uint32_t>(elapsed));
      if (now - hang_started_ >= opt_.iwdg_ms) {
        hang_until_ = 0;
        reboot();  // the independent watchdog fires
      }
      continue;
    }
    if (opt_.baud) {
      const double per_ms = opt_.baud / 10000.0;
      rx_budget_ += per_ms * static_cast<double>(elapsed ? elapsed : 0);
      tx_budget_ += per_ms * static_cast<double>(elapsed ? elapsed : 0);
      const double cap = per_ms * 20 + 260;  // allow a burst of about one frame plus 20 ms
      if (rx_budget_ > cap) rx_budget_ = cap;
      if (tx_budget_ > cap) tx_budget_ = cap;
    }
    pump_io(now);
    for (uint64_t i = 0; i < elapsed; ++i) {
      board_.advance(1);
      fw_.step();
    }
    if (elapsed == 0) fw_.step();
    pump_io(now);
    if (pfds.size() > 0 && (pfds[0].revents & POLLHUP) && !(pfds[0].revents & POLLIN)) ::usleep(1000);
  }
}

void App::shutdown() {
  control_.close();
  port_.close();
}

}  // namespace sim
