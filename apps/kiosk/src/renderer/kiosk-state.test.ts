import { describe, expect, it } from 'vitest';
import { initialState, isPristine, kioskReducer, type KioskAction, type KioskState } from './kiosk-state.ts';

const run = (actions: KioskAction[], start: KioskState = initialState('vi')) =>
  actions.reduce(kioskReducer, start);

describe('kioskReducer', () => {
  it('goes welcome -> list -> detail and back one step at a time', () => {
    let s = run([
      { type: 'choose-language', language: 'ur' },
      { type: 'search', query: 'نکاح' },
    ]);
    expect(s.screen).toEqual({ name: 'list' });
    s = kioskReducer(s, { type: 'open', serviceId: 'marriage_registration' });
    expect(s.screen).toEqual({ name: 'detail', serviceId: 'marriage_registration' });
    s = kioskReducer(s, { type: 'back' });
    expect(s).toMatchObject({ screen: { name: 'list' }, query: 'نکاح', language: 'ur' });
    s = kioskReducer(s, { type: 'back' });
    expect(s).toEqual(initialState('vi'));
  });

  it('forgets everything the citizen entered on idle', () => {
    const s = run([
      { type: 'choose-language', language: 'hi' },
      { type: 'search', query: 'जन्म' },
      { type: 'open', serviceId: 'birth_registration' },
      { type: 'idle' },
    ]);
    expect(s).toEqual(initialState('vi'));
    expect(isPristine(s)).toBe(true);
  });

  it('returns to the site default language, including after the site changes it', () => {
    const s = run([
      { type: 'choose-language', language: 'en' },
      { type: 'site-loaded', defaultLanguage: 'en' },
      { type: 'home' },
    ]);
    expect(s.language).toBe('en');
    expect(s.screen).toEqual({ name: 'welcome' });
  });

  it('keeps a visit in progress when the site is reloaded', () => {
    const s = run([
      { type: 'choose-language', language: 'ur' },
      { type: 'site-loaded', defaultLanguage: 'vi' },
    ]);
    expect(s.language).toBe('ur');
    expect(isPristine(s)).toBe(false);
  });
});
