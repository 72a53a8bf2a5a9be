import { toCatalogue, type Language } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import type { PrintJob } from './ticket-printer.ts';

/** The demo ward's site file: real Vietnamese, English, Hindi and Urdu names for the sample ticket. */
export const DEMO_SITE = `${REPO_ROOT}/sites/demo-ward/site.yaml`;

/**
 * A fixed ticket of the demo ward in `language` (the preview, the golden raster tests and the bench all
 * print this one): certified copy BS012, an older person with 3 people ahead and about 12 minutes to wait,
 * issued at 09:15 on 23 Nov 2026 in Hanoi. Nothing in it depends on the clock or chance.
 */
export async function sampleJob(language: Language): Promise<{ job: PrintJob; timeZone: string }> {
  const { site } = await loadSite(DEMO_SITE);
  const catalogue = toCatalogue(site);
  const service = catalogue.services.find((s) => s.id === 'certified_copy');
  if (!service) throw new Error(`${DEMO_SITE} has no certified_copy service`);
  const id = '3f6c2a9e-5b1d-4c8e-9a70-1d2e3f4a5b6c';
  return {
    timeZone: site.timezone,
    job: {
      ticket: {
        id,
        number: `${service.prefix}012`,
        prefix: service.prefix,
        seq: 12,
        business_date: '2026-11-23',
        service_id: service.id,
        priority_class: 'elderly',
        priority_reason: null,
        source: 'kiosk',
        language,
        status: 'waiting',
        counter_id: null,
        call_count: 0,
        created_at: '2026-11-23T02:15:00.000Z',
        called_at: null,
        started_at: null,
        finished_at: null,
        rating: null,
      },
      site: catalogue,
      position: 4,
      estimated_wait_min: 12,
      counters: catalogue.counters.filter((c) => service.counters.includes(c.id)).map((c) => c.number),
      qr_url: `http://reception.local:8080/rate/${id}`,
    },
  };
}
