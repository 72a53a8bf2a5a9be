import { EventEmitter } from 'node:events';
import { dataVersion, type AccessDb } from './access-db.ts';
import type { Authenticator, CredentialKey, Principal } from './authenticator.ts';
import type { DeviceTokens } from './device-tokens.ts';
import type { StaffAccounts } from './staff-accounts.ts';
import type { EndReason, StaffSessions } from './staff-sessions.ts';

/** How often expired sessions are swept and the CLI's changes to the database are looked for. */
export const SWEEP_MS = 2000;

/**
 * The bridge's own `Authenticator`: device tokens and staff sessions in the bridge's SQLite database,
 * staff accounts from `staff.yaml`. It sweeps expired sessions and notices the `admin` CLI's commits
 * (`PRAGMA data_version`) every two seconds, and tells `onEnded` listeners what ended.
 */
export class SqliteAuthenticator implements Authenticator {
  private readonly ended = new EventEmitter<{ ended: [CredentialKey] }>();
  private readonly timer: NodeJS.Timeout;
  private version: number;

  constructor(
    private readonly db: AccessDb,
    readonly devices: DeviceTokens,
    readonly sessions: StaffSessions,
    readonly accounts: StaffAccounts,
    sweepMs = SWEEP_MS,
  ) {
    this.version = dataVersion(db);
    this.timer = setInterval(() => this.sweep(), sweepMs);
    this.timer.unref();
  }

  authenticate(token: string): Principal | undefined {
    // A token the CLI created a moment ago: look again once the database shows another writer's commit.
    return this.lookup(token) ?? (this.refresh() ? this.lookup(token) : undefined);
  }

  private lookup(token: string): Principal | undefined {
    const device = this.devices.verify(token);
    if (device) {
      const actor = `${device.role}:${device.id}`;
      return { kind: 'device', role: device.role, deviceId: device.id, name: device.name, actor };
    }
    const session = this.sessions.find(token);
    const who = session && this.accounts.identity(session.username);
    if (!session || !who) return undefined;
    return { kind: 'staff', role: who.role, sessionId: session.id, who, actor: who.username };
  }

  stillValid(p: Principal): boolean {
    if (p.kind === 'device') return this.devices.isActive(p.deviceId);
    if (!this.sessions.valid(p.sessionId)) {
      this.emit(`session:${p.sessionId}`);
      return false;
    }
    this.sessions.touch(p.sessionId);
    return true;
  }

  onEnded(listener: (key: CredentialKey) => void): () => void {
    this.ended.on('ended', listener);
    return () => this.ended.off('ended', listener);
  }

  /** Logout or revocation of one session; false if it was not open. */
  endSession(id: string, reason: EndReason): boolean {
    const ended = this.sessions.end(id, reason);
    if (ended) this.emit(`session:${id}`);
    return ended;
  }

  /** Tells listeners a device token was revoked (the registry already recorded it). */
  deviceRevoked(id: string): void {
    this.emit(`device:${id}`);
  }

  private emit(key: CredentialKey): void {
    this.ended.emit('ended', key);
  }

  /** Expired sessions, and whatever the CLI revoked since the last look. */
  sweep(): void {
    for (const id of this.sessions.sweep()) this.emit(`session:${id}`);
    this.refresh();
  }

  /** Re-reads devices and sessions if another connection (the CLI) committed; true if it did. */
  private refresh(): boolean {
    const now = dataVersion(this.db);
    if (now === this.version) return false;
    this.version = now;
    for (const id of this.devices.reload()) this.emit(`device:${id}`);
    for (const id of this.sessions.reload()) this.emit(`session:${id}`);
    return true;
  }

  close(): void {
    clearInterval(this.timer);
    this.ended.removeAllListeners();
  }
}
