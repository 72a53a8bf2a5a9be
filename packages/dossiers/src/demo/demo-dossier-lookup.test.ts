import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOSSIER_STATUSES, type Site } from '@reception/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONTRACT_NOW,
  DEMO_DOSSIERS_FILE,
  demoSite,
  dossierLookupContract,
  rejection,
} from '../dossier-lookup.contract.ts';
import { DossierSystemUnavailable } from '../dossier-lookup.ts';
import { DemoDossierLookup } from './demo-dossier-lookup.ts';
import { DemoDossiersError, loadDemoDossiers } from './demo-dossiers-file.ts';

dossierLookupContract('DemoDossierLookup', async (site) => {
  const lookup = await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, {
    site: () => site,
    now: () => CONTRACT_NOW,
  });
  return { lookup, close: () => lookup.close() };
});

describe('the demo dossiers of the demo ward', () => {
  it('cover every procedure of the site and every status, with late ones among them', async () => {
    const site = await demoSite();
    const lookup = await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, {
      site: () => site,
      now: () => CONTRACT_NOW,
    });
    const all = lookup.list();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.length).toBeLessThanOrEqual(20);
    expect(new Set(all.map((d) => d.procedure_id))).toEqual(new Set(site.services.map((s) => s.id)));
    expect(new Set(all.map((d) => d.status))).toEqual(new Set(DOSSIER_STATUSES));
    expect(all.filter((d) => d.late).length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    // Every one of them is found by its own code.
    for (const d of all) expect((await lookup.status(d.code)).code).toBe(d.code);
  });

  it('stay in the same place of their lives on any day: dates move, statuses and warnings do not', async () => {
    const site = await demoSite();
    const at = (iso: string) =>
      DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, { site: () => site, now: () => new Date(iso) });
    const monday = (await at('2026-12-07T03:00:00Z')).list();
    const laterWednesday = (await at('2027-03-10T08:00:00Z')).list();
    expect(laterWednesday.map((d) => [d.status, d.late !== null])).toEqual(
      monday.map((d) => [d.status, d.late !== null]),
    );
    expect(laterWednesday[0]?.code).toBe('000.25.13.H26-270310-0003');
    // On a Sunday "today" is Saturday's receipt day: nothing was received on a closed day.
    const sunday = (await at('2026-12-06T03:00:00Z')).list();
    expect(sunday[0]?.code).toBe('000.25.13.H26-261205-0003');
  });

  it("never shows a step in the future when opened before the time of today's steps", async () => {
    const site = await demoSite();
    const early = new Date('2026-12-07T00:35:00Z'); // 07:35 in Hanoi; today's first dossier came at 07:42
    const lookup = await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, {
      site: () => site,
      now: () => early,
    });
    const s = await lookup.status('000.25.13.H26-261207-0003');
    expect(s.received_at).toBe('2026-12-07T07:35:00+07:00');
    expect(s.steps).toEqual([{ step: 'received', at: '2026-12-07T07:35:00+07:00' }]);
  });

  it('answers UNAVAILABLE once closed', async () => {
    const site = await demoSite();
    const lookup = await DemoDossierLookup.fromFile(DEMO_DOSSIERS_FILE, {
      site: () => site,
      now: () => CONTRACT_NOW,
    });
    await lookup.close();
    const e = await rejection(lookup.status('000.25.13.H26-261130-0012'), DossierSystemUnavailable);
    expect([e.code, e.reason]).toEqual(['UNAVAILABLE', 'closed']);
  });
});

describe('loadDemoDossiers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossiers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const problems = async (file: string, site: Site) => {
    const e = await loadDemoDossiers(file, site).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DemoDossiersError);
    return (e as DemoDossiersError).problems;
  };

  it('names the field, the line and the reason of each problem', async () => {
    const site = await demoSite();
    const good = await readFile(DEMO_DOSSIERS_FILE, 'utf8');
    const broken = good
      .replace('procedure: death_registration', 'procedure: passport_renewal')
      .replace('status: collected\n    collect: post', 'status: lost\n    collect: post');
    const found = await problems(write('broken.yaml', broken), site);
    expect(found.map((p) => p.field)).toEqual(['dossiers[5].status']);
    expect(found[0]?.reason).toMatch(/received/);
    const unknown = await problems(
      write('unknown.yaml', good.replace('procedure: death_registration', 'procedure: passport_renewal')),
      site,
    );
    const line = good.split('\n').findIndex((l) => l.includes('procedure: death_registration')) + 1;
    expect(unknown).toEqual([
      { field: 'dossiers[2].procedure', line, reason: "unknown service id 'passport_renewal'" },
    ]);
  });

  it('refuses steps out of order, a step after today, a repeated code and an earlier new date', async () => {
    const site = await demoSite();
    const text = `unit: '000.25.13.H26'
dossiers:
  - seq: 1
    procedure: certified_copy
    received: { open_days_ago: 1, time: '08:00' }
    due_open_days: 2
    rescheduled_open_days: 1
    status: in_progress
    steps:
      - { step: forwarded, day: 0, time: '09:00' }
      - { step: received, day: 0, time: '08:00' }
      - { step: reviewed, day: 2, time: '08:00' }
  - seq: 1
    procedure: certified_copy
    received: { open_days_ago: 1, time: '10:00' }
    due_open_days: 0
    status: received
    steps:
      - { step: received, day: 0, time: '10:00' }
`;
    const found = await problems(write('rules.yaml', text), site);
    expect(found.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      "dossiers[0].steps[0]: the first step is 'received' on day 0",
      'dossiers[0].steps[1]: steps must be in time order',
      'dossiers[0].steps[2].day: a step cannot be after today',
      'dossiers[0].rescheduled_open_days: a new date comes after the first promised one',
      'dossiers[1].seq: seq 1 used twice on the same day',
    ]);
  });

  it('reports a YAML syntax error and a missing file', async () => {
    const site = await demoSite();
    expect((await problems(write('bad.yaml', 'unit: [\n'), site))[0]?.line).toBeGreaterThan(0);
    expect((await problems(path.join(dir, 'absent.yaml'), site))[0]?.reason).toMatch(/cannot read file/);
  });
});
