#include "robot/safety.h"

namespace robot {

void SafetyEventQueue::raise(proto::SafetyKind kind, bool active, int16_t detail, uint32_t now) {
  if (count_ == kCapacity) {
    head_ = static_cast<uint8_t>((head_ + 1) % kCapacity);
    --count_;
    ++dropped_;
  }
  Slot& s = slots_[(head_ + count_) % kCapacity];
  s.ev = SafetyEvent{next_id_++, kind, active, detail};
  if (next_id_ == 0) next_id_ = 1;
  s.last_sent = now;
  s.sent = false;
  ++count_;
}

bool SafetyEventQueue::ack(uint16_t event_id) {
  for (uint8_t i = 0; i < count_; ++i) {
    const uint8_t idx = static_cast<uint8_t>((head_ + i) % kCapacity);
    if (slots_[idx].ev.event_id != event_id) continue;
    // Close the gap, keeping order.
    for (uint8_t j = i; j + 1 < count_; ++j) {
      slots_[(head_ + j) % kCapacity] = slots_[(head_ + j + 1) % kCapacity];
    }
    --count_;
    return true;
  }
  return false;
}

bool SafetyEventQueue::next_due(uint32_t now, SafetyEvent& out, bool& repeat) {
  for (uint8_t i = 0; i < count_; ++i) {
    Slot& s = slots_[(head_ + i) % kCapacity];
    if (s.sent && now - s.last_sent < proto::kSafetyRepeatMs) continue;
    repeat = s.sent;
    if (s.sent) ++resends_;
    s.sent = true;
    s.last_sent = now;
    out = s.ev;
    return true;
  }
  return false;
}

void SafetySupervisor::boot(uint32_t now) {
  estop_latched_ = true;
  source_ = proto::EstopSource::BOOT;
  fault_latched_ = false;
  obstacle_ = false;
  inputs_ = Inputs{false, false, false, false, kNoObstacle};
  events_.raise(proto::SafetyKind::ESTOP_LATCHED, true, static_cast<int16_t>(source_), now);
}

void SafetySupervisor::assert_estop(proto::EstopSource source, uint32_t now) {
  if (estop_latched_) return;
  estop_latched_ = true;
  source_ = source;
  events_.raise(proto::SafetyKind::ESTOP_LATCHED, true, static_cast<int16_t>(source), now);
}

proto::Result SafetySupervisor::clear_estop(uint32_t now) {
  if (inputs_.estop_button || inputs_.bumper || inputs_.motor_fault) return proto::Result::REJECTED_STATE;
  const bool was = estop_latched_ || fault_latched_;
  estop_latched_ = false;
  fault_latched_ = false;
  if (was) events_.raise(proto::SafetyKind::ESTOP_CLEARED, false, 0, now);
  return proto::Result::OK;
}

void SafetySupervisor::update(const Inputs& in, uint32_t now) {
  const Inputs prev = inputs_;
  inputs_ = in;
  if (in.estop_button != prev.estop_button) {
    events_.raise(proto::SafetyKind::ESTOP_BUTTON, in.estop_button, 0, now);
  }
  if (in.estop_button) assert_estop(proto::EstopSource::BUTTON, now);
  if (in.bumper != prev.bumper) events_.raise(proto::SafetyKind::BUMPER, in.bumper, 0, now);
  if (in.bumper) assert_estop(proto::EstopSource::BUMPER, now);
  if (in.motor_fault != prev.motor_fault) events_.raise(proto::SafetyKind::MOTOR_FAULT, in.motor_fault, 0, now);
  if (in.motor_fault) fault_latched_ = true;
  // Hysteresis of 10 cm so a reading hovering at the threshold does not flood events.
  const float d = in.obstacle_mm == kNoObstacle ? 1e9f : static_cast<float>(in.obstacle_mm) / 1000.0f;
  const bool now_obstacle = obstacle_ ? d < cfg_.obstacle_stop_m + 0.1f : d < cfg_.obstacle_stop_m;
  if (now_obstacle != obstacle_) {
    obstacle_ = now_obstacle;
    const int16_t detail = static_cast<int16_t>(in.obstacle_mm > 32767 ? 32767 : in.obstacle_mm);
    events_.raise(proto::SafetyKind::OBSTACLE, obstacle_, detail, now);
  }
}

}  // namespace robot
