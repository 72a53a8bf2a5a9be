#include "rig.h"

namespace rig {

Rig::Rig(uint32_t seed, sim::WorldParams wp)
    : params([&] {
        wp.seed = seed;
        return wp;
      }()),
      world(cfg, params),
      board(world, seed),
      fw(board, cfg) {
  fw.boot();
}

void Rig::send_bytes(const uint8_t* p, size_t n) {
  if (to_fw != nullptr) {
    to_fw->apply(p, n, false, board.rx);
    return;
  }
  for (size_t i = 0; i < n; ++i) board.rx.push_back(p[i]);
}

void Rig::run(uint32_t ms) {
  for (uint32_t i = 0; i < ms; ++i) {
    if (heartbeats && board.now() - last_hb >= 100) {
      last_hb = board.now();
      send(proto::Heartbeat{board.now(), 0, 0}, -1, 0);
    }
    board.advance(1);
    fw.step();
    robot::Frame f{};
    std::deque<uint8_t> wire;
    if (to_host != nullptr) {
      const std::vector<uint8_t> out(board.tx.begin(), board.tx.end());
      to_host->apply(out.data(), out.size(), false, wire);
    } else {
      wire.swap(board.tx);
    }
    board.tx.clear();
    for (const uint8_t b : wire) {
      if (host_parser.feed(b, f)) rx.push_back(Received{board.now(), f});
    }
  }
}

bool Rig::hello(uint32_t session) {
  host_session = session;
  const uint16_t s = send(proto::Hello{proto::kProtocolVersion, proto::kSchemaHash, session});
  run(20);
  for (const Received& r : rx) {
    if (r.frame.h.msg_id != static_cast<uint8_t>(proto::MsgId::HELLO_ACK)) continue;
    proto::HelloAck a{};
    if (proto::decode(r.frame.payload, r.frame.h.len, a) && a.hello_seq == s) return true;
  }
  return false;
}

bool Rig::start_session() {
  if (!hello(host_session)) return false;
  const uint16_t s = send(proto::EstopReset{proto::kEstopResetConfirm});
  return wait_ack(s) == static_cast<int>(proto::Result::OK);
}

std::vector<proto::CmdAck> Rig::acks(uint16_t seq) const {
  std::vector<proto::CmdAck> out;
  for (const Received& r : rx) {
    if (r.frame.h.msg_id != static_cast<uint8_t>(proto::MsgId::CMD_ACK)) continue;
    proto::CmdAck a{};
    if (proto::decode(r.frame.payload, r.frame.h.len, a) && a.cmd_seq == seq) out.push_back(a);
  }
  return out;
}

int Rig::wait_ack(uint16_t seq, uint32_t ms) {
  for (uint32_t i = 0; i < ms; ++i) {
    const std::vector<proto::CmdAck> a = acks(seq);
    if (!a.empty()) return a.front().result;
    run(1);
  }
  const std::vector<proto::CmdAck> a = acks(seq);
  return a.empty() ? -1 : a.front().result;
}

std::vector<proto::SafetyEvent> Rig::safety_events(proto::SafetyKind kind) const {
  std::vector<proto::SafetyEvent> out;
  for (const Received& r : rx) {
    if (r.frame.h.msg_id != static_cast<uint8_t>(proto::MsgId::SAFETY_EVENT)) continue;
    proto::SafetyEvent e{};
    if (proto::decode(r.frame.payload, r.frame.h.len, e) && e.kind == static_cast<uint8_t>(kind)) out.push_back(e);
  }
  return out;
}

size_t Rig::count(proto::MsgId id, uint32_t since_ms) const {
  size_t n = 0;
  for (const Received& r : rx) {
    if (r.frame.h.msg_id == static_cast<uint8_t>(id) && r.t_ms >= since_ms) ++n;
  }
  return n;
}

}  // namespace rig
