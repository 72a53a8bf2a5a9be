import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Site } from '@reception/protocol';
import { stringify } from 'yaml';
import { copyDemoStaffAndMap } from '../testing/fixtures.ts';
import { ticketTestSite } from './test-site.ts';

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
