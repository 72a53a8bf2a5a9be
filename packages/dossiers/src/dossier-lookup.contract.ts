/**
 * The `DossierLookup` contract as a test suite, run against every implementation (demo in process, HTTP
 * against the reference server). The expected values are worked out by hand from
 * `sites/demo-ward/dossiers.yaml` for Monday 7 December 2026, 10:00 in Hanoi (the centre opens Monday to
 * Saturday), so the suite checks the calendar rules and the file, not one implementation against itself.
 */
import path from 'node:path';
import { dossierStatusSchema, type DossierStatus, type Site } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierError, InvalidReceiptCode, type DossierLookup } from './dossier-lookup.ts';

/** 10:00 on Monday 2026-12-07 in Asia/Ho_Chi_Minh (UTC+7). */
export const CONTRACT_NOW = new Date('2026-12-07T03:00:00Z');
export const DEMO_SITE_FILE = path.join(REPO_ROOT, 'sites/demo-ward/site.yaml');
export const DEMO_DOSSIERS_FILE = path.join(REPO_ROOT, 'sites/demo-ward/dossiers.yaml');

export async function demoSite(): Promise<Site> {
  return (await loadSite(DEMO_SITE_FILE)).site;
}

/** The error a promise rejects with, checked to be a `cls` (fails the test if it resolves). */
export async function rejection<C extends DossierError = DossierError>(
  p: Promise<unknown>,
  cls: abstract new (...args: never[]) => C = DossierError as unknown as abstract new (...args: never[]) => C,
): Promise<C> {
  const outcome = await p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.v)}`);
  if (!(outcome.e instanceof cls)) throw new Error(`expected a ${cls.name}, got ${String(outcome.e)}`);
  return outcome.e;
}

export function dossierLookupContract(
  name: string,
  open: (site: Site) => Promise<{ lookup: DossierLookup; close: () => Promise<void> }>,
): void {
  describe(`DossierLookup contract: ${name}`, () => {
    let lookup: DossierLookup;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ lookup, close } = await open(await demoSite()));
    });
    afterAll(() => close());

    it('answers a late dossier with its steps, dates, warning and counters', async () => {
      const s = await lookup.status('000.25.13.H26-261130-0012');
      expect(s).toEqual({
        code: '000.25.13.H26-261130-0012',
        procedure_id: 'marital_status_certificate',
        procedure_name: null,
        status: 'in_progress',
        received_at: '2026-11-30T13:45:00+07:00',
        steps: [
          { step: 'received', at: '2026-11-30T13:45:00+07:00' },
          { step: 'forwarded', at: '2026-12-01T08:10:00+07:00' },
        ],
        expected_return_date: '2026-12-03',
        original_return_date: null,
        late: { days_overdue: 4 },
        collect: { method: 'counter', counters: ['counter_1', 'counter_2'] },
        checked_at: '2026-12-07T10:00:00+07:00',
      } satisfies DossierStatus);
    });

    it('keeps the first date and counts lateness from it when the centre set a new one', async () => {
      const s = await lookup.status('000.25.13.H26-261106-0002');
      expect(s).toMatchObject({
        procedure_id: 'land_use_certificate',
        expected_return_date: '2026-12-11',
        original_return_date: '2026-11-30',
        late: { days_overdue: 7 },
        collect: { method: 'counter', counters: ['counter_6'] },
      });
      expect(s.steps.map((x) => x.step)).toEqual(['received', 'forwarded', 'reviewed', 'rescheduled']);
      expect((await lookup.status('000.25.13.H26-261109-0011')).late).toEqual({ days_overdue: 5 });
    });

    it('is not late while the citizen owes a payment, nor once the result is ready', async () => {
      const owed = await lookup.status('000.25.13.H26-261111-0015');
      expect(owed).toMatchObject({ status: 'needs_payment', expected_return_date: '2026-12-04', late: null });
      const ready = await lookup.status('000.25.13.H26-261205-0018');
      expect(ready).toMatchObject({ status: 'ready', procedure_id: 'birth_registration', late: null });
      const today = await lookup.status('000.25.13.H26-261207-0003');
      expect(today).toMatchObject({ status: 'received', received_at: '2026-12-07T07:42:00+07:00' });
    });

    it('says how the result comes when it is not at a counter', async () => {
      expect((await lookup.status('000.25.13.H26-261202-0044')).collect).toEqual({ method: 'post' });
      expect((await lookup.status('000.25.13.H26-261204-0038')).collect).toEqual({ method: 'online' });
    });

    it('finds a code however it was typed, and answers only what the contract allows', async () => {
      for (const typed of [
        '0002513h262611300012',
        ' 000 25 13 H26 – 261130 – 0012 ',
        '000-25-13-h26-261130-0012',
      ]) {
        const s = await lookup.status(typed);
        expect(s.code).toBe('000.25.13.H26-261130-0012');
        expect(dossierStatusSchema.safeParse(s).success).toBe(true);
      }
    });

    it('refuses what is not a receipt code, saying why', async () => {
      const cases: [string, string][] = [
        ['', 'empty'],
        ['   ', 'empty'],
        ['9'.repeat(10_000), 'too_long'],
        ['KS012', 'bad_format'],
        ['000.25.13.H26-261130-12', 'bad_format'],
        ['000.25.13.H26-261131-0012', 'bad_date'],
      ];
      for (const [input, problem] of cases) {
        const e = await rejection(lookup.status(input), InvalidReceiptCode);
        expect({ code: e.code, wire: e.wireCode, problem: e.problem }).toEqual({
          code: 'INVALID_CODE',
          wire: 'INVALID_PAYLOAD',
          problem,
        });
      }
    });

    it('answers NOT_FOUND for a well-formed code it does not know', async () => {
      for (const code of [
        '000.25.13.H26-261130-0013',
        '000.99.13.H26-261130-0012',
        '000.25.13.H26-201130-0012',
      ]) {
        const e = await rejection(lookup.status(code));
        expect([e.code, e.wireCode]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      }
    });
  });
}
