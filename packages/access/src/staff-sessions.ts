import { createHash, randomBytes } from 'node:crypto';
import type { SessionInfo } from '@reception/protocol';
import type { AccessDb } from './access-db.ts';

export interface Session {
  id: string;
  username: string;
  createdMs: number;
  lastSeenMs: number;
  expiresMs: number;
  idleTimeoutS: number;
}

interface Row {
  id: string;
  token_hash: Buffer;
  username: string;
  created_ms: number;
  last_seen_ms: number;
  expires_ms: number;
  idle_timeout_s: number;
}

export type EndReason = 'logout' | 'revoked' | 'expired' | 'idle';

const sha256 = (s: string) => createHash('sha256').update(s).digest();
/** How stale the stored `last_seen` may get: touching a session writes at most once a minute. */
const TOUCH_WRITE_MS = 60_000;

/**
 * Staff sessions, persisted in the bridge database with only the token's SHA-256 stored, so a bridge restart
 * keeps people signed in and a copy of the database signs nobody in. A session ends at logout, at
 * revocation, `absoluteMs` after login, or `idleMs` after its last request, whichever comes first.
 * Lookups are in memory; the table is the durable copy (and what the CLI changes).
 */
export class StaffSessions {
  private readonly byId = new Map<string, Session>();
  private readonly byHash = new Map<string, string>();
  private readonly storedSeen = new Map<string, number>();

  constructor(
    private readonly db: AccessDb,
    readonly limits: { idleMs: number; absoluteMs: number },
    private readonly now: () => number = Date.now,
  ) {
    this.reload();
  }

  /** Re-reads the open sessions (after the CLI changed the table); returns the ids that are gone. */
  reload(): string[] {
    const before = new Map(this.byId);
    this.byId.clear();
    this.byHash.clear();
    const rows = this.db.prepare<[], Row>('SELECT * FROM sessions WHERE ended_ms IS NULL').all();
    for (const r of rows) {
      const s: Session = {
        id: r.id,
        username: r.username,
        createdMs: r.created_ms,
        lastSeenMs: Math.max(r.last_seen_ms, before.get(r.id)?.lastSeenMs ?? 0),
        expiresMs: r.expires_ms,
        idleTimeoutS: r.idle_timeout_s,
      };
      this.byId.set(s.id, s);
      this.byHash.set(r.token_hash.toString('hex'), s.id);
      before.delete(s.id);
    }
    return [...before.keys()];
  }

  create(username: string): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const session: Session = {
      id: `ses_${randomBytes(12).toString('base64url')}`,
      username,
      createdMs: now,
      lastSeenMs: now,
      expiresMs: now + this.limits.absoluteMs,
      idleTimeoutS: Math.round(this.limits.idleMs / 1000),
    };
    const hash = sha256(token);
    this.db
      .prepare(
        `INSERT INTO sessions (id, token_hash, username, created_ms, last_seen_ms, expires_ms, idle_timeout_s)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(session.id, hash, username, now, now, session.expiresMs, session.idleTimeoutS);
    this.byId.set(session.id, session);
    this.byHash.set(hash.toString('hex'), session.id);
    this.storedSeen.set(session.id, now);
    return { token, session };
  }

  /** Why a session is over now, or undefined while it is valid. */
  private overdue(s: Session, now: number): EndReason | undefined {
    if (now >= s.expiresMs) return 'expired';
    if (now >= s.lastSeenMs + s.idleTimeoutS * 1000) return 'idle';
    return undefined;
  }

  /** The valid session behind a token (the lookup is by the token's hash); undefined otherwise. */
  find(token: string): Session | undefined {
    const id = this.byHash.get(sha256(token).toString('hex'));
    return id === undefined ? undefined : this.valid(id);
  }

  /** The session if it is still valid now; ends it (reason expired or idle) when it just ran out. */
  valid(id: string): Session | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    const reason = this.overdue(s, this.now());
    if (reason) {
      this.end(id, reason);
      return undefined;
    }
    return s;
  }

  /** Counts a request as activity (idle expiry restarts); stored at most once a minute. */
  touch(id: string): void {
    const s = this.byId.get(id);
    if (!s) return;
    s.lastSeenMs = this.now();
    if (s.lastSeenMs - (this.storedSeen.get(id) ?? 0) >= TOUCH_WRITE_MS) {
      this.db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id = ?').run(s.lastSeenMs, id);
      this.storedSeen.set(id, s.lastSeenMs);
    }
  }

  /** Ends one session; returns false if it was not open. */
  end(id: string, reason: EndReason): boolean {
    if (!this.byId.has(id)) return false;
    this.db
      .prepare('UPDATE sessions SET ended_ms = ?, ended_reason = ? WHERE id = ? AND ended_ms IS NULL')
      .run(this.now(), reason, id);
    this.forget(id);
    return true;
  }

  private forget(id: string): void {
    this.byId.delete(id);
    this.storedSeen.delete(id);
    for (const [hash, sid] of this.byHash) if (sid === id) this.byHash.delete(hash);
  }

  /** Ids of the open sessions of a username. */
  idsOf(username: string): string[] {
    return [...this.byId.values()].filter((s) => s.username === username).map((s) => s.id);
  }

  /** Ends every session that ran out; returns their ids. */
  sweep(): string[] {
    const now = this.now();
    const ended: string[] = [];
    for (const s of [...this.byId.values()]) {
      const reason = this.overdue(s, now);
      if (reason && this.end(s.id, reason)) ended.push(s.id);
    }
    return ended;
  }

  list(sockets: (id: string) => number): SessionInfo[] {
    return [...this.byId.values()].map((s) => ({
      id: s.id,
      username: s.username,
      created_at: new Date(s.createdMs).toISOString(),
      last_seen_at: new Date(s.lastSeenMs).toISOString(),
      expires_at: new Date(s.expiresMs).toISOString(),
      idle_timeout_s: s.idleTimeoutS,
      sockets: sockets(s.id),
    }));
  }
}
