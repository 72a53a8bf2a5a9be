#pragma once
#include <cstdint>

#include "messages.h"
#include "robot/board.h"
#include "robot/config.h"

namespace robot {

struct SafetyEvent {
  uint16_t event_id;
  proto::SafetyKind kind;
  bool active;
  int16_t detail;
};

/**
 * Reliable safety events: each is resent every kSafetyRepeatMs until SAFETY_ACK names its event_id.
 * Fixed queue; when full the oldest event is overwritten and counted in `dropped`.
 */
class SafetyEventQueue {
 public:
  static constexpr uint8_t kCapacity = 16;
  void raise(proto::SafetyKind kind, bool active, int16_t detail, uint32_t now);
  /**
   * First event id of this boot. Derived from the boot id, so a host that saw the previous boot's events
   * does not mistake this boot's first ones for repeats it already acknowledged (ids are never 0).
   */
  void start_ids_at(uint16_t first) { next_id_ = first == 0 ? 1 : first; }
  bool ack(uint16_t event_id);
  /**
   * Next event due for (re)transmission at `now`, marking it sent; false when none is due. `repeat` tells
   * whether it was sent before: repeats go out as telemetry so a host that stops reading cannot fill the
   * transmit reserve that acknowledgements rely on.
   */
  bool next_due(uint32_t now, SafetyEvent& out, bool& repeat);
  uint8_t pending() const { return count_; }
  uint32_t dropped() const { return dropped_; }
  uint32_t resends() const { return resends_; }

 private:
  struct Slot {
    SafetyEvent ev;
    uint32_t last_sent;
    bool sent;
  };
  Slot slots_[kCapacity] = {};
  uint8_t head_ = 0;  // oldest
  uint8_t count_ = 0;
  uint16_t next_id_ = 1;
  uint32_t dropped_ = 0;
  uint32_t resends_ = 0;
};

/**
 * Latched e-stop and motor-fault state, input edge detection, obstacle hysteresis. The e-stop boots
 * latched; only clear_estop() (ESTOP_RESET with the confirm constant) releases it, and only when the
 * button is released and no bumper is pressed.
 */
class SafetySupervisor {
 public:
  SafetySupervisor(const RobotConfig& cfg, SafetyEventQueue& events) : cfg_(cfg), events_(events) {}
  void boot(uint32_t now);
  /** Samples inputs once per control tick and raises events on edges. */
  void update(const Inputs& in, uint32_t now);
  void assert_estop(proto::EstopSource source, uint32_t now);
  /** REJECTED_STATE while the button or bumper is pressed or the motor fault persists. */
  proto::Result clear_estop(uint32_t now);
  bool estop_latched() const { return estop_latched_; }
  bool fault_latched() const { return fault_latched_; }
  /** True when the drive must be disabled (e-stop or motor fault). */
  bool drive_inhibited() const { return estop_latched_ || fault_latched_; }
  bool obstacle() const { return obstacle_; }
  uint16_t obstacle_mm() const { return inputs_.obstacle_mm; }
  const Inputs& inputs() const { return inputs_; }
  proto::EstopSource estop_source() const { return source_; }

 private:
  const RobotConfig& cfg_;
  SafetyEventQueue& events_;
  Inputs inputs_ = {false, false, false, false, kNoObstacle};
  bool estop_latched_ = true;
  bool fault_latched_ = false;
  bool obstacle_ = false;
  proto::EstopSource source_ = proto::EstopSource::BOOT;
};

}  // namespace robot
