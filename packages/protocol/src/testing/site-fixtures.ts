import { copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Site } from '../site.ts';
import { stringify } from 'yaml';
import { ticketTestSite } from './ticket-site.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const t = (s: string) => ({ vi: `${s} (vi)`, en: s, hi: `${s} (hi)`, ur: `${s} (ur)` });

/** A small valid site, as a plain object the tests can break in one place. */
export function smallSite(): Record<string, unknown> {
  return {
    id: 'test_ward',
    name: t('Test ward centre'),
    address: t('1 Test street'),
    timezone: 'Asia/Ho_Chi_Minh',
    languages: { default: 'vi', enabled: ['vi', 'en', 'hi', 'ur'] },
    opening_hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '07:30', close: '17:00' }],
    map: 'map/map.yaml',
    counters: [
      {
        id: 'counter_1',
        number: 1,
        name: t('Counter 1'),
        services: ['birth_registration'],
        place: 'counter_1',
      },
      { id: 'counter_2', number: 2, name: t('Counter 2'), services: ['certified_copy'], place: 'counter_2' },
    ],
    services: [
      {
        id: 'birth_registration',
        prefix: 'A',
        name: t('Birth registration'),
        description: t('Register a newborn'),
        required_documents: [t('Birth certificate from the hospital')],
        fee: { amount_vnd: 0 },
        processing_time: t('Same day'),
        counters: ['counter_1'],
      },
      {
        id: 'certified_copy',
        prefix: 'B',
        name: t('Certified copy'),
        description: t('Certify copies of documents'),
        required_documents: [t('Original document')],
        fee: { amount_vnd: 2000 },
        processing_time: t('Same day'),
        counters: ['counter_2'],
      },
    ],
    facilities: [{ id: 'restroom', name: t('Restroom'), place: 'restroom' }],
    priority: { classes: [{ id: 'elderly', name: t('Elderly'), rank: 0 }], ordering: { mode: 'strict' } },
    queue: { reset_hour: 0, number_digits: 3 },
  };
}

/** Writes `site` (and the demo staff file) into a fresh temporary site folder; returns its path. */
export async function writeSiteDir(site: unknown, rawText?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'site-'));
  await writeFile(path.join(dir, 'site.yaml'), rawText ?? stringify(site));
  copyDemoStaffAndMap(dir);
  return dir;
}

/**
 * Puts the demo centre's staff accounts, demo device tokens (`demo-kiosk`, `demo-display`: the bridge takes
 * them on loopback only) and lobby map (`map/`) into a test site folder.
 */
export function copyDemoStaffAndMap(siteDir: string): void {
  copyFileSync(path.join(REPO_ROOT, 'sites/demo-ward/staff.yaml'), path.join(siteDir, 'staff.yaml'));
  copyFileSync(
    path.join(REPO_ROOT, 'sites/demo-ward/demo-devices.yaml'),
    path.join(siteDir, 'demo-devices.yaml'),
  );
  cpSync(path.join(REPO_ROOT, 'sites/demo-ward/map'), path.join(siteDir, 'map'), { recursive: true });
}

/**
 * Makes a temporary site folder (the small ticket test site, the demo map and staff accounts) and an empty
 * data folder, for tests and the benchmark that start a real bridge.
 */
export function makeTicketSiteDir(site: Site = ticketTestSite()): {
  root: string;
  siteDir: string;
  dataDir: string;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'bridge-tickets-'));
  const siteDir = path.join(root, 'site');
  const dataDir = path.join(root, 'data');
  mkdirSync(siteDir);
  mkdirSync(dataDir);
  writeFileSync(path.join(siteDir, 'site.yaml'), stringify(site));
  // The demo lobby map: its places counter_1..counter_3 are the test site's counters.
  copyDemoStaffAndMap(siteDir);
  return { root, siteDir, dataDir };
}
