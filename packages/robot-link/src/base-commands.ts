/**
 * `RobotBase`'s commands in SI units, turned into wire payloads (mm, mm/s, mrad) in one place, so every
 * implementation rounds, chunks paths and sets deadlines alike. Subclasses implement `sendCommand`.
 */
import { EventEmitter } from 'node:events';
import { CodecError, encodePayload, messageDef } from './codec.ts';
import { LinkError } from './errors.ts';
import { EstopSource, RULES, StopReason, type CommandName, type Payloads } from './messages.generated.ts';
import type { CommandAck, CommandOptions, RobotBaseEvents, Waypoint } from './robot-base.ts';

/** Stopping commands are resent (same seq) for this long, not just 3 times: giving up on a stop is never better. */
export const SAFETY_DEADLINE_MS = 5000;

/** Waypoints in one FOLLOW_PATH frame (the array's max in messages.json). */
export const WAYPOINTS_PER_CHUNK =
  messageDef('FOLLOW_PATH').fields.find((f) => f.name === 'waypoints')?.max ?? 23;
/** Chunks of one path the reference firmware stages (PROTOCOL.md; small-RAM boards may take fewer). */
export const MAX_PATH_CHUNKS = 8;

/**
 * A payload that cannot be encoded (a field out of its wire range, too many array items) as the error a
 * command promise rejects with; undefined when it encodes.
 */
export function payloadError<K extends CommandName>(name: K, payload: Payloads[K]): LinkError | undefined {
  try {
    encodePayload(name, payload);
    return undefined;
  } catch (error) {
    if (error instanceof CodecError) return new LinkError('INVALID', `${name}: ${error.message}`);
    throw error;
  }
}

export abstract class RobotBaseCommands extends EventEmitter<RobotBaseEvents> {
  abstract sendCommand<K extends CommandName>(
    name: K,
    payload: Payloads[K],
    options?: CommandOptions,
  ): Promise<CommandAck>;

  velocity(linear: number, angular: number, ttlMs = 200): Promise<CommandAck> {
    return this.sendCommand('CMD_VEL', {
      linear_mm_s: Math.round(linear * 1000),
      angular_mrad_s: Math.round(angular * 1000),
      ttl_ms: ttlMs,
    });
  }

  /**
   * Uploads the path in chunks of `WAYPOINTS_PER_CHUNK`, in order, each acknowledged before the next (the
   * base stages them and starts on the last); resolves with the last chunk's ack (IN_PROGRESS).
   */
  async followPath(pathId: number, waypoints: Waypoint[], speedLimit: number): Promise<CommandAck> {
    const chunkCount = Math.max(1, Math.ceil(waypoints.length / WAYPOINTS_PER_CHUNK));
    if (chunkCount > MAX_PATH_CHUNKS) {
      throw new LinkError(
        'INVALID',
        `a path has at most ${MAX_PATH_CHUNKS * WAYPOINTS_PER_CHUNK} waypoints, got ${waypoints.length}`,
      );
    }
    let ack: CommandAck | undefined;
    for (let chunk = 0; chunk < chunkCount; chunk++) {
      const slice = waypoints.slice(chunk * WAYPOINTS_PER_CHUNK, (chunk + 1) * WAYPOINTS_PER_CHUNK);
      ack = await this.sendCommand('FOLLOW_PATH', {
        path_id: pathId,
        chunk_index: chunk,
        chunk_count: chunkCount,
        speed_limit_mm_s: Math.round(speedLimit * 1000),
        waypoints: slice.map((w) => ({
          x_mm: Math.round(w.x * 1000),
          y_mm: Math.round(w.y * 1000),
          speed_mm_s: Math.round(w.speed * 1000),
        })),
      });
    }
    // chunkCount >= 1, so the loop ran.
    return ack as CommandAck;
  }

  stop(reason: keyof typeof StopReason = 'HOST'): Promise<CommandAck> {
    return this.sendCommand('STOP', { reason: StopReason[reason] }, { deadlineMs: SAFETY_DEADLINE_MS });
  }

  estop(source: keyof typeof EstopSource = 'HOST'): Promise<CommandAck> {
    return this.sendCommand(
      'ESTOP_ASSERT',
      { source: EstopSource[source] },
      { deadlineMs: SAFETY_DEADLINE_MS },
    );
  }

  resetEstop(): Promise<CommandAck> {
    return this.sendCommand('ESTOP_RESET', { confirm: RULES.estop_reset_confirm });
  }

  setSpeedLimit(maxLinear: number, maxAngular: number): Promise<CommandAck> {
    return this.sendCommand('SET_SPEED_LIMIT', {
      max_linear_mm_s: Math.round(maxLinear * 1000),
      max_angular_mrad_s: Math.round(maxAngular * 1000),
    });
  }

  setPose(x: number, y: number, theta: number): Promise<CommandAck> {
    return this.sendCommand('SET_POSE', {
      x_mm: Math.round(x * 1000),
      y_mm: Math.round(y * 1000),
      theta_mrad: Math.round(theta * 1000),
    });
  }

  dock(): Promise<CommandAck> {
    return this.sendCommand('DOCK', {});
  }

  undock(): Promise<CommandAck> {
    return this.sendCommand('UNDOCK', {});
  }
}
