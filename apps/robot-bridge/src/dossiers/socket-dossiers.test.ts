import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DemoDossierLookup } from '@reception/dossiers';
import { createReferenceServer, type ReferenceServer } from '@reception/dossiers/testing';
import type { DossierStatus, Result, Site } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { TestBridges } from '../testing/bridge-clients.ts';

const DEMO = path.join(REPO_ROOT, 'sites/demo-ward');
const bridges = new TestBridges();
let site: Site;

/** A bridge on the demo centre; `withDemoDossiers` puts the demo dossiers.yaml beside its site file. */
const bridgeWith = (env: Record<string, string>, withDemoDossiers: boolean) =>
  bridges.start({
    env,
    site,
    siteFiles: withDemoDossiers ? { 'dossiers.yaml': path.join(DEMO, 'dossiers.yaml') } : {},
    kiosks: ['lobby-kiosk', 'guess-kiosk'],
  });
const kiosk = (bridge: RunningBridge, name = 'lobby-kiosk') => bridges.connect(bridge, '/kiosk', name);
const status = (s: Socket, code: unknown) =>
  s.timeout(10_000).emitWithAck('dossier:status', { code }) as Promise<Result<DossierStatus>>;
const withoutTime = ({ checked_at: _, ...rest }: DossierStatus) => rest;

/** Today's demo dossiers, on the same clock as the bridge. */
async function todaysDossiers(): Promise<DossierStatus[]> {
  return (await DemoDossierLookup.fromFile(path.join(DEMO, 'dossiers.yaml'), { site: () => site })).list();
}

beforeAll(async () => {
  site = (await loadSite(path.join(DEMO, 'site.yaml'))).site;
});
afterAll(() => bridges.closeAll());

describe('dossier:status with the demo dossiers', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await bridgeWith({ DOSSIER_LOOKUPS_PER_MINUTE: '6' }, true);
  });

  it('answers a dossier typed in any form with its status, steps and late warning', async () => {
    const lobby = await kiosk(bridge);
    const today = await todaysDossiers();
    const late = today.find((d) => d.procedure_id === 'marital_status_certificate');
    if (!late) throw new Error('the demo has a late marital status dossier');
    const typed = late.code.toLowerCase().replaceAll(/[.-]/g, ' ');
    const r = await status(lobby, typed);
    if (!r.ok) throw new Error(r.error.message);
    expect(withoutTime(r.value)).toEqual(withoutTime(late));
    expect(r.value.late?.days_overdue).toBeGreaterThan(0);
  });

  it('refuses wrong, empty and 10,000-character codes with INVALID_PAYLOAD, and unknown ones with NOT_FOUND', async () => {
    const lobby = await kiosk(bridge);
    for (const [code, why] of [
      ['', /^empty/],
      ['KS012', /^bad_format/],
      ['000.25.13.H26-261331-0001', /^bad_date/],
      ['1'.repeat(10_000), /code/],
      [12345, /code/],
    ] as const) {
      const r = await status(lobby, code);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      expect(!r.ok && r.error.message).toMatch(why);
    }
    expect(await status(lobby, '000.25.13.H26-201130-0099')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('limits well-formed lookups per kiosk (mistypes do not count), other kiosks unaffected', async () => {
    const guesser = await kiosk(bridge, 'guess-kiosk');
    for (let i = 0; i < 10; i++) expect((await status(guesser, 'not a code')).ok).toBe(false);
    const outcomes: string[] = [];
    for (let seq = 1; seq <= 7; seq++) {
      const r = await status(guesser, `000.25.13.H26-201130-${String(seq).padStart(4, '0')}`);
      outcomes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(outcomes).toEqual([...Array<string>(6).fill('NOT_FOUND'), 'RATE_LIMITED']);
    const lobby = await kiosk(bridge);
    expect((await status(lobby, (await todaysDossiers())[0]?.code)).ok).toBe(true);
    const metrics = await (await fetch(`${bridge.url}/metrics`)).text();
    expect(metrics).toMatch(/^dossier_lookups_total\{outcome="rate_limited"\} 1$/m);
  });
});

describe('dossier:status against the one-stop system over HTTP', () => {
  let ref: ReferenceServer;
  let bridge: RunningBridge;
  beforeAll(async () => {
    const demo = await DemoDossierLookup.fromFile(path.join(DEMO, 'dossiers.yaml'), { site: () => site });
    ref = createReferenceServer({ lookup: demo, token: 'centre-token' });
    await new Promise<void>((r) => ref.server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(ref.server.address() as AddressInfo).port}/`;
    bridge = await bridgeWith(
      {
        DOSSIER_BACKEND: 'http',
        DOSSIER_API_URL: url,
        DOSSIER_API_TOKEN: 'centre-token',
        DOSSIER_API_TIMEOUT_MS: '2500',
      },
      false,
    );
  });
  afterAll(() => ref.close());

  const healthOf = async () => {
    const h = (await (await fetch(`${bridge.url}/healthz`)).json()) as {
      checks: { name: string; ok: boolean; detail: string }[];
    };
    return h.checks.find((c) => c.name === 'dossier_system');
  };

  it('answers, then says UNAVAILABLE when the system is slow or down, and keeps serving', async () => {
    const lobby = await kiosk(bridge);
    const code = (await todaysDossiers())[1]?.code;
    expect((await status(lobby, code)).ok).toBe(true);
    expect(await healthOf()).toMatchObject({ ok: true });

    ref.faults.delayMs = 5_000;
    expect(await status(lobby, code)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await healthOf()).toMatchObject({ ok: false, detail: expect.stringMatching(/timeout/) as string });

    ref.faults.delayMs = 0;
    await ref.close();
    const down = await status(lobby, code);
    expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!down.ok && down.error.message).toMatch(/unreachable/);
    expect((await lobby.timeout(5000).emitWithAck('site:get', {})) as Result<unknown>).toMatchObject({
      ok: true,
    });
  });
});

describe('dossier:status where no dossier system is set up', () => {
  it('tells the kiosk the lookup is unavailable', async () => {
    const bridge = await bridgeWith({}, false);
    const lobby = await kiosk(bridge);
    const r = await status(lobby, '000.25.13.H26-201130-0099');
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!r.ok && r.error.message).toMatch(/not set up/);
  });
});
