import type { MissionReason } from '@reception/protocol';
import { LinkError, type RobotBase } from '@reception/robot-link';

/** Why a command to the base failed, as a mission reason (anything unexpected is `base_rejected`). */
export function linkFailureReason(error: unknown, base: RobotBase): MissionReason {
  if (!(error instanceof LinkError)) return 'base_rejected';
  switch (error.code) {
    case 'REJECTED_ESTOP':
      return 'estop';
    case 'REJECTED_STATE':
    case 'NOT_CONNECTED':
    case 'CLOSED':
      return 'link_lost';
    case 'TIMEOUT':
      return base.state === 'up' ? 'base_rejected' : 'link_lost';
    case 'VERSION_MISMATCH':
    case 'SCHEMA_MISMATCH':
    case 'PORT_NOT_FOUND':
      return 'link_lost';
    case 'INVALID':
    case 'BUSY':
    case 'UNSUPPORTED':
    case 'FAILED':
      return 'base_rejected';
    default: {
      const never: never = error.code;
      return never;
    }
  }
}
