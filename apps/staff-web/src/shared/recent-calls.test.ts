import type { QueueEvent, SiteCatalogue } from '@reception/protocol';
import { sampleTicket } from '@reception/protocol/testing/ticket-site';
import { translator } from '@reception/i18n';
import { describe, expect, it } from 'vitest';
import { recentDestination } from './recent-calls.tsx';

const site = {
  counters: [
    { id: 'counter_1', number: 1 },
    { id: 'counter_2', number: 2 },
    { id: 'counter_6', number: 6 },
  ],
  services: [
    { id: 'birth_registration', counters: ['counter_1', 'counter_2'] },
    { id: 'land', counters: ['counter_6'] },
  ],
} as unknown as SiteCatalogue;

const event = (type: QueueEvent['type'], serviceId: string): QueueEvent => ({
  seq: 5,
  id: 'e5',
  type,
  at: '2026-11-23T02:00:00.000Z',
  business_date: '2026-11-23',
  ticket: sampleTicket({ number: 'KS001', service_id: serviceId }),
  counter_id: 'counter_1',
  counter_number: 1,
  actor: 'counter1',
});

describe('last calls after a transfer', () => {
  it('tell the display the ticket’s new counter, not the one that sent it away', () => {
    const vi = translator('vi', 'UTC');
    expect(recentDestination(vi, site, event('ticket.transferred', 'land'))).toEqual({
      counters: 'Quầy 6',
      note: 'đã chuyển quầy, chờ gọi',
    });
    expect(recentDestination(vi, site, event('ticket.transferred', 'birth_registration')).counters).toBe(
      'Quầy 1\u00a0và\u00a02',
    );
    expect(recentDestination(vi, site, event('ticket.called', 'land'))).toEqual({
      counters: 'Quầy 1',
      note: undefined,
    });
    expect(recentDestination(translator('en', 'UTC'), site, event('ticket.recalled', 'land'))).toEqual({
      counters: 'Counter 1',
      note: 'called again',
    });
  });
});
