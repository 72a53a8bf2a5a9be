import type {
  MissionKind,
  MissionListQuery,
  MissionReason,
  MissionRecord,
  MissionState,
  MissionTicket,
} from '@reception/protocol';
import type { AnchorStore } from './localization.ts';

/** One mission as the engine keeps it; times are Unix milliseconds. */
export interface MissionRow {
  id: string;
  kind: MissionKind;
  state: MissionState;
  reason: MissionReason | null;
  place: string;
  ticket: MissionTicket | null;
  requestedBy: string;
  createdAt: number;
  startedAt: number | null;
  arrivedAt: number | null;
  endedAt: number | null;
  arrivalErrorM: number | null;
  arrivalHeadingErrorRad: number | null;
  replans: number;
}

export interface MissionEventRow {
  at: number;
  state: MissionState;
  reason: MissionReason | null;
  detail: string | null;
}

/**
 * Durable history of missions and their transitions, plus the localization anchor and call-ahead requests.
 *
 * Rules: every write is durable when the call returns (the engine writes a transition before it tells
 * anyone); `openMissions` returns every mission not in a final state, oldest first, which after a restart
 * are exactly the ones to mark `interrupted`; `list` is newest first. Implementations are synchronous:
 * the volume is a few writes per mission.
 */
export interface MissionStore extends AnchorStore {
  insert(row: MissionRow): void;
  update(id: string, patch: Partial<Omit<MissionRow, 'id'>>): void;
  addEvent(id: string, event: MissionEventRow): void;
  get(id: string): MissionRecord | undefined;
  openMissions(): MissionRow[];
  list(query: MissionListQuery): MissionRecord[];
  /** A kiosk asked that this ticket's holder be fetched when called. */
  addEscortRequest(ticketId: string, actor: string, at: number): void;
  hasEscortRequest(ticketId: string): boolean;
  close(): void;
}
