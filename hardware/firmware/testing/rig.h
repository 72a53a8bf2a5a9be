#pragma once
#include <cstdint>
#include <vector>

#include "messages.h"
#include "robot/firmware.h"
#include "robot/frame.h"
#include "faults.h"
#include "sim.h"

namespace rig {

struct Received {
  uint32_t t_ms;
  robot::Frame frame;
};

/**
 * Firmware on the simulated board with an in-memory host in simulated time (1 ms steps): deterministic,
 * used by the unit tests and the fuzz tool.
 */
class Rig {
 public:
  explicit Rig(uint32_t seed = 7, sim::WorldParams wp = {});
  robot::RobotConfig cfg;
  sim::WorldParams params;
  sim::World world;
  sim::SimBoard board;
  robot::Firmware fw;
  robot::FrameParser host_parser;
  std::vector<Received> rx;
  uint16_t host_seq = 1000;
  uint32_t host_session = 0xC0FFEE;
  bool heartbeats = true;
  uint32_t last_hb = 0;
  /** Optional line faults: host -> firmware and firmware -> host. */
  sim::LinkFaults* to_fw = nullptr;
  sim::LinkFaults* to_host = nullptr;

  /** Queues raw bytes to the firmware. */
  void send_bytes(const uint8_t* p, size_t n);
  /** Encodes and queues a message; returns the seq used (a fresh one unless `seq` >= 0). */
  template <typename M>
  uint16_t send(const M& m, int seq = -1, uint8_t flags = proto::kFlagNeedsAck) {
    const uint16_t s = seq >= 0 ? static_cast<uint16_t>(seq) : host_seq++;
    uint8_t buf[robot::kMaxWireFrame];
    const size_t n = robot::encode_message(m, flags, s, 0, buf, sizeof buf);
    send_bytes(buf, n);
    return s;
  }
  /** Runs `ms` of simulated time, sending host heartbeats every 100 ms when `heartbeats` is set. */
  void run(uint32_t ms);
  uint32_t now() const { return board.now(); }
  /** HELLO with the correct schema; runs 20 ms; true if HELLO_ACK arrived. */
  bool hello(uint32_t session);
  /** HELLO then ESTOP_RESET; true if the reset was acknowledged OK. */
  bool start_session();
  /** CMD_ACKs for `seq` received so far. */
  std::vector<proto::CmdAck> acks(uint16_t seq) const;
  /** Runs until an ack for seq arrives (up to `ms`); returns the first one's result or -1. */
  int wait_ack(uint16_t seq, uint32_t ms = 50);
  std::vector<proto::SafetyEvent> safety_events(proto::SafetyKind kind) const;
  size_t count(proto::MsgId id, uint32_t since_ms = 0) const;
  void clear() { rx.clear(); }
};

}  // namespace rig
