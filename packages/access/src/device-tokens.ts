import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DeviceInfo, DeviceRole } from '@reception/protocol';
import type { AccessDb } from './access-db.ts';

/** A demo device of the demo site: its token is public, so it only ever runs the demo. */
export interface DemoDevice {
  id: string;
  role: DeviceRole;
  name: string;
  token: string;
}

interface Row {
  id: string;
  role: DeviceRole;
  name: string;
  token_hash: Buffer;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export class DeviceTokenError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/**
 * Device tokens of kiosks and displays. A token is 32 random bytes (base64url), shown once at creation; only
 * its SHA-256 is stored. A presented token is compared against every active device's hash with
 * `timingSafeEqual` and no early exit, so timing tells nothing about how close a guess was. The device id is
 * random and unrelated to the token: it is what events and the audit log name.
 */
export class DeviceTokens {
  private active: { hash: Buffer; device: DeviceInfo }[] = [];
  private activeIds = new Set<string>();
  private readonly demo: { hash: Buffer; device: DeviceInfo }[];

  constructor(
    private readonly db: AccessDb,
    demoDevices: readonly DemoDevice[] = [],
    private readonly now: () => number = Date.now,
  ) {
    const at = new Date(now()).toISOString();
    this.demo = demoDevices.map((d) => ({
      hash: sha256(d.token),
      device: {
        id: d.id,
        role: d.role,
        name: d.name,
        created_at: at,
        last_used_at: null,
        revoked_at: null,
        demo: true,
      },
    }));
    this.reload();
  }

  private static info(r: Row): DeviceInfo {
    return {
      id: r.id,
      role: r.role,
      name: r.name,
      created_at: r.created_at,
      last_used_at: r.last_used_at,
      revoked_at: r.revoked_at,
      demo: false,
    };
  }

  /** Re-reads the table (after the CLI changed it); returns the ids that are no longer active. */
  reload(): string[] {
    const before = new Set(this.active.map((a) => a.device.id));
    const rows = this.db.prepare<[], Row>('SELECT * FROM devices WHERE revoked_at IS NULL').all();
    this.active = rows.map((r) => ({ hash: r.token_hash, device: DeviceTokens.info(r) }));
    this.activeIds = new Set([...this.demo, ...this.active].map((a) => a.device.id));
    for (const a of this.active) before.delete(a.device.id);
    return [...before];
  }

  create(role: DeviceRole, name: string): { device: DeviceInfo; token: string } {
    const token = randomBytes(32).toString('base64url');
    const id = `${role}_${randomBytes(5).toString('hex')}`;
    const at = new Date(this.now()).toISOString();
    this.db
      .prepare('INSERT INTO devices (id, role, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, role, name, sha256(token), at);
    this.reload();
    return { device: this.get(id), token };
  }

  list(includeRevoked = false): DeviceInfo[] {
    const rows = this.db
      .prepare<[], Row>(
        `SELECT * FROM devices ${includeRevoked ? '' : 'WHERE revoked_at IS NULL'} ORDER BY created_at, id`,
      )
      .all();
    return [...this.demo.map((d) => d.device), ...rows.map((r) => DeviceTokens.info(r))];
  }

  get(id: string): DeviceInfo {
    const row = this.db.prepare<[string], Row>('SELECT * FROM devices WHERE id = ?').get(id);
    if (!row) {
      const demo = this.demo.find((d) => d.device.id === id);
      if (demo) throw new DeviceTokenError('CONFLICT', `${id} is a demo device from the site folder`);
      throw new DeviceTokenError('NOT_FOUND', `no device ${id}`);
    }
    return DeviceTokens.info(row);
  }

  rename(id: string, name: string): DeviceInfo {
    this.get(id);
    this.db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(name, id);
    this.reload();
    return this.get(id);
  }

  /** Revokes a token for good; returns the device. Revoking twice is a CONFLICT. */
  revoke(id: string): DeviceInfo {
    if (this.get(id).revoked_at) throw new DeviceTokenError('CONFLICT', `${id} is already revoked`);
    this.db
      .prepare('UPDATE devices SET revoked_at = ? WHERE id = ?')
      .run(new Date(this.now()).toISOString(), id);
    this.reload();
    return this.get(id);
  }

  /** The device holding `token`, if any token matches; every candidate is compared, in constant time. */
  verify(token: string): DeviceInfo | undefined {
    const hash = sha256(token);
    let found: DeviceInfo | undefined;
    for (const candidate of [...this.demo, ...this.active]) {
      if (timingSafeEqual(candidate.hash, hash)) found = candidate.device;
    }
    if (found && !found.demo) {
      this.db
        .prepare('UPDATE devices SET last_used_at = ? WHERE id = ?')
        .run(new Date(this.now()).toISOString(), found.id);
    }
    return found;
  }

  isActive(id: string): boolean {
    return this.activeIds.has(id);
  }
}
