import type { Site, Ticket } from '@reception/protocol';

/** A waiting ticket B012 of the test site's certified_copy service, for tests; `over` changes fields. */
export function sampleTicket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    number: 'B012',
    prefix: 'B',
    seq: 12,
    business_date: '2026-11-23',
    service_id: 'certified_copy',
    priority_class: null,
    priority_reason: null,
    source: 'kiosk',
    language: 'vi',
    status: 'waiting',
    counter_id: null,
    call_count: 0,
    created_at: '2026-11-23T02:00:00.000Z',
    called_at: null,
    started_at: null,
    finished_at: null,
    rating: null,
    ...over,
  };
}

const t = (en: string) => ({ vi: en, en });

/**
 * A small site for ticket tests and the benchmark: three services (prefixes A, B, C), three counters
 * (counter_2 serves A and B), priority classes elderly (rank 0) and appointment (rank 1).
 */
export function ticketTestSite(
  ordering: Site['priority']['ordering'] = { mode: 'strict' },
  resetHour = 0,
): Site {
  const service = (id: string, prefix: string, counters: string[]) => ({
    id,
    prefix,
    name: t(id),
    description: t(id),
    required_documents: [t('id card')],
    fee: { amount_vnd: 0 },
    processing_time: t('1 day'),
    counters,
  });
  const counter = (id: string, number: number, services: string[]) => ({
    id,
    number,
    name: t(`Counter ${number}`),
    services,
    place: id,
  });
  return {
    id: 'test_site',
    name: t('Test centre'),
    address: t('1 Test street'),
    timezone: 'Asia/Ho_Chi_Minh',
    languages: { default: 'vi', enabled: ['vi', 'en'] },
    opening_hours: [{ days: ['mon'], open: '07:30', close: '17:00' }],
    map: 'map/map.yaml',
    counters: [
      counter('counter_1', 1, ['civil_status']),
      counter('counter_2', 2, ['civil_status', 'certified_copy']),
      counter('counter_3', 3, ['land']),
    ],
    services: [
      service('civil_status', 'A', ['counter_1', 'counter_2']),
      service('certified_copy', 'B', ['counter_2']),
      service('land', 'C', ['counter_3']),
    ],
    facilities: [],
    priority: {
      classes: [
        { id: 'elderly', name: t('Elderly'), rank: 0 },
        { id: 'appointment', name: t('Appointment'), rank: 1 },
      ],
      ordering,
    },
    queue: { reset_hour: resetHour, number_digits: 3 },
  };
}
