#include "robot/follower.h"

#include <cmath>

namespace robot {

namespace {
float clampf(float v, float lo, float hi) { return v < lo ? lo : (v > hi ? hi : v); }

/** Parameter t in [0,1] of the closest point on segment a-b to p, and the squared distance. */
float project(const PathPoint& a, const PathPoint& b, float px, float py, float& d2) {
  const float dx = b.x - a.x;
  const float dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 1e-9f ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 1.0f;
  t = clampf(t, 0.0f, 1.0f);
  const float cx = a.x + t * dx - px;
  const float cy = a.y + t * dy - py;
  d2 = cx * cx + cy * cy;
  return t;
}

float dist(float ax, float ay, float bx, float by) { return std::sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by)); }
}  // namespace

proto::Result PathFollower::add_chunk(const proto::FollowPath& m) {
  if (m.chunk_count == 0 || m.chunk_count > kMaxPathChunks || m.chunk_index >= m.chunk_count) {
    return proto::Result::INVALID;
  }
  if (m.chunk_index == 0) {
    staged_count_ = 0;
    staged_id_ = m.path_id;
    staged_chunks_ = m.chunk_count;
    staged_speed_ = static_cast<float>(m.speed_limit_mm_s) / 1000.0f;
    staged_next_chunk_ = 0;
    staged_complete_ = false;
  } else if (m.path_id != staged_id_ || m.chunk_index != staged_next_chunk_ || m.chunk_count != staged_chunks_) {
    return proto::Result::INVALID;
  }
  if (staged_count_ + m.waypoints_count > kMaxPathPoints) return proto::Result::INVALID;
  for (uint8_t i = 0; i < m.waypoints_count; ++i) {
    PathPoint& p = staged_[staged_count_++];
    p.x = static_cast<float>(m.waypoints[i].x_mm) / 1000.0f;
    p.y = static_cast<float>(m.waypoints[i].y_mm) / 1000.0f;
    p.speed = static_cast<float>(m.waypoints[i].speed_mm_s) / 1000.0f;
  }
  staged_next_chunk_ = static_cast<uint8_t>(m.chunk_index + 1);
  if (staged_next_chunk_ < staged_chunks_) return proto::Result::OK;
  if (staged_count_ == 0) return proto::Result::INVALID;
  staged_complete_ = true;
  return proto::Result::IN_PROGRESS;
}

void PathFollower::activate(const Pose& start) {
  if (!staged_complete_) return;
  active_pts_[0] = PathPoint{start.x, start.y, 0};
  for (uint16_t i = 0; i < staged_count_; ++i) active_pts_[i + 1] = staged_[i];
  active_count_ = static_cast<uint16_t>(staged_count_ + 1);
  path_id_ = staged_id_;
  path_speed_ = staged_speed_;
  seg_ = 0;
  active_ = true;
  staged_complete_ = false;
}

uint8_t PathFollower::waypoint_index() const { return static_cast<uint8_t>(seg_ > 255 ? 255 : seg_); }

PathFollower::Output PathFollower::update(const Pose& pose, float v_meas, float v_limit, float w_limit) {
  Output out{0, 0, false};
  if (!active_) return out;
  const PathPoint& goal = active_pts_[active_count_ - 1];
  const float c = std::cos(pose.theta);
  const float s = std::sin(pose.theta);
  const float goal_d = dist(pose.x, pose.y, goal.x, goal.y);
  const float goal_ahead = c * (goal.x - pose.x) + s * (goal.y - pose.y);
  if (goal_d < cfg_.arrival_tolerance_m && (goal_d < 0.05f || goal_ahead < 0.02f)) {
    out.arrived = true;
    active_ = false;
    return out;
  }
  // Advance along the path: the closest segment within a short window ahead (never backwards).
  const uint16_t last_seg = static_cast<uint16_t>(active_count_ - 2);
  float best_d2 = 1e30f;
  uint16_t best = seg_;
  float best_t = 0;
  for (uint16_t k = seg_; k <= last_seg && k < seg_ + 4; ++k) {
    float d2 = 0;
    const float t = project(active_pts_[k], active_pts_[k + 1], pose.x, pose.y, d2);
    if (d2 < best_d2 - 1e-6f) {
      best_d2 = d2;
      best = k;
      best_t = t;
    }
  }
  seg_ = best;
  // Lookahead point and remaining distance along the path.
  const float ld = clampf(cfg_.lookahead_gain_s * std::fabs(v_meas), cfg_.lookahead_min_m, cfg_.lookahead_max_m);
  const PathPoint& a = active_pts_[seg_];
  const PathPoint& b = active_pts_[seg_ + 1];
  float px = a.x + best_t * (b.x - a.x);
  float py = a.y + best_t * (b.y - a.y);
  float remaining = dist(px, py, b.x, b.y);
  float tx = goal.x;
  float ty = goal.y;
  bool found = false;
  float walked = 0;
  for (uint16_t k = seg_; k <= last_seg; ++k) {
    const PathPoint& e = active_pts_[k + 1];
    const float seg_len = dist(px, py, e.x, e.y);
    if (k > seg_) remaining += seg_len;
    if (!found && walked + seg_len >= ld && seg_len > 1e-6f) {
      const float f = (ld - walked) / seg_len;
      tx = px + f * (e.x - px);
      ty = py + f * (e.y - py);
      found = true;
    }
    walked += seg_len;
    px = e.x;
    py = e.y;
  }
  const float dx = tx - pose.x;
  const float dy = ty - pose.y;
  const float xr = c * dx + s * dy;
  const float yr = -s * dx + c * dy;
  const float alpha = std::atan2(yr, xr);
  float vcap = v_limit;
  if (path_speed_ > 0) vcap = vcap < path_speed_ ? vcap : path_speed_;
  if (b.speed > 0) vcap = vcap < b.speed ? vcap : b.speed;
  if (std::fabs(alpha) > cfg_.rotate_in_place_rad && goal_d >= cfg_.arrival_tolerance_m) {
    out.v = 0;
    out.w = clampf(1.5f * alpha, -w_limit, w_limit);
    return out;
  }
  // Brake to arrive at the goal with the normal deceleration, keeping a creep speed until arrival.
  const float brake_v = std::sqrt(2.0f * 0.8f * cfg_.decel_mps2 * remaining);
  float v = vcap < brake_v ? vcap : brake_v;
  if (v < 0.05f) v = vcap < 0.05f ? vcap : 0.05f;
  const float l2 = xr * xr + yr * yr;
  const float kappa = l2 > 1e-6f ? 2.0f * yr / l2 : 0.0f;
  if (std::fabs(kappa) * v > w_limit) v = w_limit / std::fabs(kappa);
  out.v = v;
  out.w = clampf(v * kappa, -w_limit, w_limit);
  return out;
}

}  // namespace robot
