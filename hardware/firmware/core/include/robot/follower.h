#pragma once
#include <cstdint>

#include "messages.h"
#include "robot/config.h"
#include "robot/motion.h"

namespace robot {

struct PathPoint {
  float x;
  float y;
  float speed;  ///< cap for the segment leading into this point, m/s; 0 = path limit
};

#ifndef ROBOT_MAX_PATH_CHUNKS
#define ROBOT_MAX_PATH_CHUNKS 8  // small-RAM boards (AVR) build with fewer
#endif
constexpr uint8_t kMaxPathChunks = ROBOT_MAX_PATH_CHUNKS;
constexpr uint16_t kMaxPathPoints = kMaxPathChunks * 23;

/**
 * Assembles FOLLOW_PATH chunks into a staging buffer and follows the active path with pure pursuit.
 * The staged path replaces the active one only when its last chunk arrives, so a replanned path can
 * be uploaded while the robot keeps driving the old one.
 */
class PathFollower {
 public:
  explicit PathFollower(const RobotConfig& cfg) : cfg_(cfg) {}

  /** OK for an accepted non-final chunk, IN_PROGRESS when the path is complete, INVALID otherwise. */
  proto::Result add_chunk(const proto::FollowPath& m);
  /** Makes the staged path active, starting from `start` (the robot's current pose). */
  void activate(const Pose& start);
  void cancel() { active_ = false; }
  bool active() const { return active_; }
  uint16_t path_id() const { return path_id_; }
  /** Index into the host's waypoint list of the waypoint currently driven to. */
  uint8_t waypoint_index() const;

  struct Output {
    float v;
    float w;
    bool arrived;
  };
  /** `v_limit` is the effective speed cap (soft limit, path limit, obstacle slow-down) in m/s. */
  Output update(const Pose& pose, float v_meas, float v_limit, float w_limit);

 private:
  const RobotConfig& cfg_;
  PathPoint active_pts_[kMaxPathPoints + 1] = {};
  uint16_t active_count_ = 0;
  uint16_t path_id_ = 0;
  float path_speed_ = 0;
  bool active_ = false;
  uint16_t seg_ = 0;

  PathPoint staged_[kMaxPathPoints] = {};
  uint16_t staged_count_ = 0;
  uint16_t staged_id_ = 0;
  uint8_t staged_next_chunk_ = 0;
  uint8_t staged_chunks_ = 0;
  float staged_speed_ = 0;
  bool staged_complete_ = false;
};

}  // namespace robot
