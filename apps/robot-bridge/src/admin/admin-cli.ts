import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEVICE_ROLES, type DeviceInfo, type DeviceRole } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { AuditLog, DeviceTokenError, DeviceTokens, openAccessDb, StaffSessions } from '@reception/access';
import { readConfig } from '../config.ts';
import { BackupError, createBackup, restoreBackup } from './backup.ts';

const USAGE = `usage: npm run -s admin -- COMMAND
  token create --role kiosk|display --name NAME   new device token, printed once (last line)
  token list [--all]                              devices (--all: revoked ones too)
  token rename --id DEVICE_ID --name NAME
  token revoke --id DEVICE_ID                     the device's sockets are disconnected within seconds
  session list                                    open staff sessions
  session revoke --id SESSION_ID | --user NAME    ends sessions; their sockets are disconnected
  backup --out DIR                                consistent copies of every database, DIR new (last line)
  restore --from DIR                              puts a backup back; the bridge must be stopped
Works on the databases in DATA_DIR; the bridge may be running, except for restore.`;

class UsageError extends Error {
  readonly code = 'USAGE';
}

function row(d: DeviceInfo): string {
  const state = d.revoked_at
    ? `revoked ${d.revoked_at}`
    : d.demo
      ? 'demo'
      : `last used ${d.last_used_at ?? 'never'}`;
  return `${d.id.padEnd(20)} ${d.role.padEnd(8)} ${JSON.stringify(d.name).padEnd(28)} ${state}`;
}

/**
 * The audit trail for a backup or restore, in the bridge database (when the data has one). The backup or
 * restore has happened by then, so a failure here (a broken site file, say) is a warning, not an error.
 */
async function audited(
  dataDir: string,
  siteDir: string,
  entry: { action: string; target: string; detail?: string },
): Promise<void> {
  if (!existsSync(path.join(dataDir, 'bridge.sqlite'))) return;
  try {
    const { site } = await loadSite(path.join(siteDir, 'site.yaml'));
    const db = openAccessDb(dataDir);
    try {
      new AuditLog(db, () => site.timezone).record({ actor: 'cli', role: 'admin', ...entry });
    } finally {
      db.close();
    }
  } catch (e) {
    process.stderr.write(
      `admin: warning: ${entry.action} done, but not written to the audit log: ${(e as Error).message}\n`,
    );
  }
}

async function backupCommand(
  noun: 'backup' | 'restore',
  dataDir: string,
  siteDir: string,
  values: { out?: string; from?: string },
): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (noun === 'backup') {
    if (!values.out?.trim()) throw new UsageError('backup needs --out DIR (a new folder)');
    const dir = path.resolve(values.out.trim());
    const manifest = createBackup(dataDir, dir);
    for (const f of manifest.files) process.stderr.write(`${f.name.padEnd(24)} ${f.bytes} bytes\n`);
    await audited(dataDir, siteDir, { action: 'backup:create', target: dir });
    out(dir);
    return;
  }
  if (!values.from?.trim()) throw new UsageError('restore needs --from DIR (a folder made by backup)');
  const from = path.resolve(values.from.trim());
  const { manifest, keptIn } = restoreBackup(dataDir, from);
  await audited(dataDir, siteDir, {
    action: 'backup:restore',
    target: from,
    detail: `backup of ${manifest.created_at}`,
  });
  out(`restored ${manifest.files.map((f) => f.name).join(', ')} from the backup of ${manifest.created_at}`);
  if (keptIn) out(`the databases it replaced are kept in ${keptIn}`);
}

/** `npm run -s admin -- ...`: device tokens and staff sessions from the command line (README). */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      user: { type: 'string' },
      all: { type: 'boolean', default: false },
      out: { type: 'string' },
      from: { type: 'string' },
    },
  });
  const [noun, verb] = positionals;
  const config = readConfig(process.env);
  if ((noun === 'backup' || noun === 'restore') && verb === undefined)
    return backupCommand(noun, config.DATA_DIR, config.SITE_DIR, values);
  const db = openAccessDb(config.DATA_DIR);
  const { site } = await loadSite(path.join(config.SITE_DIR, 'site.yaml'));
  const audit = new AuditLog(db, () => site.timezone);
  const record = (action: string, target: string) =>
    audit.record({ actor: 'cli', role: 'admin', action, target });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const need = (v: string | undefined, flag: string): string => {
    if (!v?.trim()) throw new UsageError(`${noun} ${verb} needs ${flag}`);
    return v.trim();
  };
  try {
    if (noun === 'token') {
      const devices = new DeviceTokens(db);
      switch (verb) {
        case 'create': {
          const role = need(values.role, '--role kiosk|display');
          if (!DEVICE_ROLES.includes(role as DeviceRole))
            throw new UsageError(`--role must be one of ${DEVICE_ROLES.join(', ')}`);
          const name = need(values.name, '--name NAME');
          if (name.length > 80) throw new UsageError('--name is at most 80 characters');
          const { device, token } = devices.create(role as DeviceRole, name);
          record('token:create', device.id);
          process.stderr.write(
            `created ${device.role} ${device.id} ${JSON.stringify(device.name)}; its token follows, shown this once:\n`,
          );
          out(token);
          return;
        }
        case 'list':
          for (const d of devices.list(values.all)) out(row(d));
          return;
        case 'rename': {
          const device = devices.rename(need(values.id, '--id DEVICE_ID'), need(values.name, '--name NAME'));
          record('token:rename', device.id);
          out(row(device));
          return;
        }
        case 'revoke': {
          const device = devices.revoke(need(values.id, '--id DEVICE_ID'));
          record('token:revoke', device.id);
          out(row(device));
          return;
        }
      }
    }
    if (noun === 'session') {
      const sessions = new StaffSessions(db, { idleMs: 0, absoluteMs: 0 });
      switch (verb) {
        case 'list':
          for (const s of sessions.list(() => 0))
            out(`${s.id}  ${s.username.padEnd(16)} since ${s.created_at}, seen ${s.last_seen_at}`);
          return;
        case 'revoke': {
          const ids = values.id
            ? [values.id]
            : sessions.idsOf(need(values.user, '--id SESSION_ID or --user NAME'));
          const ended = ids.filter((id) => sessions.end(id, 'revoked'));
          for (const id of ended) record('session:revoke', id);
          out(`${ended.length} session(s) revoked`);
          return;
        }
      }
    }
    throw new UsageError(positionals.length ? `unknown command: ${positionals.join(' ')}` : 'no command');
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const err = e as Error & { code?: string };
  process.stderr.write(
    `admin: ${err.message}\n${err.code === 'USAGE' || err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `${USAGE}\n` : ''}`,
  );
  process.exit(
    err instanceof DeviceTokenError || err instanceof BackupError || err.code === 'CONFIG_INVALID' ? 1 : 2,
  );
});
