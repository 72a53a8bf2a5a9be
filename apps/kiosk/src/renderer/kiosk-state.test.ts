import type { TicketReceipt } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import {
  currentScreen,
  initialState,
  isPristine,
  kioskReducer,
  type KioskAction,
  type KioskState,
} from './kiosk-state.ts';

const run = (actions: KioskAction[], start: KioskState = initialState('vi')) =>
  actions.reduce(kioskReducer, start);

const receipt = (id: string, number: string): TicketReceipt =>
  ({ ticket: { id, number, service_id: 'birth_registration' } }) as TicketReceipt;

describe('kioskReducer', () => {
  it('goes welcome -> home -> list -> detail and back one step at a time, keeping the search', () => {
    let s = run([
      { type: 'choose-language', language: 'ur' },
      { type: 'go', screen: { name: 'list' } },
      { type: 'search', query: 'نکاح' },
      { type: 'go', screen: { name: 'detail', serviceId: 'marriage_registration' } },
    ]);
    expect(currentScreen(s)).toEqual({ name: 'detail', serviceId: 'marriage_registration' });
    s = kioskReducer(s, { type: 'back' });
    expect(s).toMatchObject({ query: 'نکاح', language: 'ur' });
    expect(currentScreen(s)).toEqual({ name: 'list' });
    s = kioskReducer(s, { type: 'back' });
    expect(currentScreen(s)).toEqual({ name: 'home' });
    s = kioskReducer(s, { type: 'back' });
    expect(s).toEqual(initialState('vi'));
  });

  it('forgets everything the citizen entered on idle: papers, receipt code, tickets, display', () => {
    const s = run([
      { type: 'choose-language', language: 'hi' },
      { type: 'toggle-paper', serviceId: 'birth_registration', index: 2 },
      { type: 'receipt-code', code: '000.00.00.H26-2501' },
      { type: 'ticket-issued', receipt: receipt('t1', 'KS001') },
      { type: 'display', settings: { largeText: true, highContrast: true } },
    ]);
    expect(isPristine(s)).toBe(false);
    const after = kioskReducer(s, { type: 'idle' });
    expect(after).toEqual(initialState('vi'));
    expect(isPristine(after)).toBe(true);
  });

  it('counts a typed receipt code or a larger text alone as something to forget', () => {
    expect(isPristine(run([{ type: 'receipt-code', code: '1' }]))).toBe(false);
    expect(isPristine(run([{ type: 'display', settings: { largeText: true } }]))).toBe(false);
  });

  it('ticks and unticks papers per procedure', () => {
    const s = run([
      { type: 'toggle-paper', serviceId: 'a', index: 2 },
      { type: 'toggle-paper', serviceId: 'a', index: 0 },
      { type: 'toggle-paper', serviceId: 'b', index: 1 },
      { type: 'toggle-paper', serviceId: 'a', index: 2 },
    ]);
    expect(s.papers).toEqual({ a: [0], b: [1] });
  });

  it('remembers that a checklist was opened, even with nothing ticked, and only for its procedure', () => {
    const s = run([
      { type: 'go', screen: { name: 'checklist', serviceId: 'a' } },
      { type: 'toggle-paper', serviceId: 'b', index: 1 },
      { type: 'go', screen: { name: 'checklist', serviceId: 'b' } },
    ]);
    expect(s.papers).toEqual({ a: [], b: [1] });
    expect(run([]).papers.c).toBeUndefined();
  });

  it('puts the ticket screen straight after its procedure, so Back never returns to the checklist', () => {
    const s = run([
      { type: 'choose-language', language: 'vi' },
      { type: 'go', screen: { name: 'list' } },
      { type: 'go', screen: { name: 'detail', serviceId: 'birth_registration' } },
      { type: 'go', screen: { name: 'checklist', serviceId: 'birth_registration' } },
      { type: 'go', screen: { name: 'priority', serviceId: 'birth_registration' } },
      { type: 'ticket-issued', receipt: receipt('t1', 'KS001') },
    ]);
    expect(s.stack.map((x) => x.name)).toEqual(['welcome', 'home', 'list', 'detail', 'ticket']);
    expect(s.tickets.map((t) => t.ticket.number)).toEqual(['KS001']);
  });

  it('keeps the default language when the site arrives during a visit', () => {
    const s = run([
      { type: 'choose-language', language: 'en' },
      { type: 'site-loaded', defaultLanguage: 'en' },
    ]);
    expect(s.language).toBe('en');
    expect(currentScreen(s)).toEqual({ name: 'home' });
    expect(run([{ type: 'site-loaded', defaultLanguage: 'ur' }])).toEqual(initialState('ur'));
  });

  it('answers a spoken request with its screens on top of home, in the language spoken', () => {
    const s = run([
      { type: 'choose-language', language: 'vi' },
      { type: 'search', query: 'khai' },
      { type: 'voice', language: 'en', screens: [{ name: 'detail', serviceId: 'birth_registration' }] },
    ]);
    expect(s.language).toBe('en');
    expect(s.query).toBe('');
    expect(s.stack).toEqual([
      { name: 'welcome' },
      { name: 'home' },
      { name: 'detail', serviceId: 'birth_registration' },
    ]);
    // The ticket that follows replaces nothing: Back from it goes to the procedure asked for.
    const t = kioskReducer(s, { type: 'ticket-issued', receipt: receipt('t1', 'KS001') });
    expect(currentScreen(kioskReducer(t, { type: 'back' }))).toEqual({
      name: 'detail',
      serviceId: 'birth_registration',
    });
  });
});
