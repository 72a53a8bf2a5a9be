import { fileURLToPath } from 'node:url';
import type { IntentResult, Language, SiteCatalogue, TicketReceipt } from '@reception/protocol';
import { toCatalogue } from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { translator } from '@reception/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { planVoiceAnswer, ticketAnswer, type VoiceAnswerContext } from './voice-answer.ts';

// The demo site (sites/demo-ward): open Monday to Friday 07:30-11:30 and 13:30-17:00, Saturday mornings.
const SITE_FILE = fileURLToPath(new URL('../../../../../sites/demo-ward/site.yaml', import.meta.url));
const MONDAY_9AM = new Date('2026-12-07T02:00:00Z'); // 09:00 in Ho Chi Minh City
const SUNDAY_9AM = new Date('2026-12-06T02:00:00Z');

let site: SiteCatalogue;
beforeAll(async () => {
  site = toCatalogue((await loadSite(SITE_FILE)).site);
});

const heard = (
  intent: IntentResult['intent'],
  slots: IntentResult['slots'] = {},
  language: Language = 'vi',
) => ({
  result: { intent, confidence: 0.95, slots },
  language,
});

function ctx(over: Partial<VoiceAnswerContext> = {}): VoiceAnswerContext {
  return {
    site,
    tickets: [],
    online: true,
    now: MONDAY_9AM,
    translator: (l) => translator(l, site.timezone),
    ...over,
  };
}

const birth = { procedure: 'birth_registration' } as const;

describe('planVoiceAnswer', () => {
  it('issues a ticket straight away for a procedure asked for while the centre is open', () => {
    const plan = planVoiceAnswer(heard('start_procedure', birth, 'en'), ctx());
    expect(plan).toMatchObject({
      kind: 'ticket',
      language: 'en',
      screens: [{ name: 'detail', serviceId: 'birth_registration' }],
      service: { id: 'birth_registration' },
    });
    expect(planVoiceAnswer(heard('get_ticket', birth), ctx())).toMatchObject({
      kind: 'ticket',
      language: 'vi',
    });
  });

  it('asks on the ticket screen, and says why, when closed, offline or already holding a ticket', () => {
    const closed = planVoiceAnswer(heard('start_procedure', birth), ctx({ now: SUNDAY_9AM }));
    expect(closed).toMatchObject({
      kind: 'screens',
      screens: [
        { name: 'detail', serviceId: 'birth_registration' },
        { name: 'priority', serviceId: 'birth_registration' },
      ],
    });
    if (closed.kind !== 'screens') throw new Error(closed.kind);
    expect(closed.say).toContain('Đăng ký khai sinh');
    expect(closed.say).toContain('07:30');

    const offline = planVoiceAnswer(heard('start_procedure', birth), ctx({ online: false }));
    expect(offline).toMatchObject({ kind: 'screens' });
    const held = { ticket: { service_id: 'birth_registration', number: 'KS004' } } as TicketReceipt;
    const again = planVoiceAnswer(heard('start_procedure', birth), ctx({ tickets: [held] }));
    expect(again.kind === 'screens' && again.say).toContain('KS004');
  });

  it('refuses out of scope, a procedure the site does not have, and an intent without its slot', () => {
    const say = translator('hi', site.timezone).t('kiosk.voice_use_screen');
    expect(planVoiceAnswer(heard('out_of_scope', {}, 'hi'), ctx())).toEqual({
      kind: 'refuse',
      language: 'hi',
      say,
    });
    expect(planVoiceAnswer(heard('start_procedure', {}, 'hi'), ctx())).toEqual({
      kind: 'refuse',
      language: 'hi',
      say,
    });
    const fewer = { ...site, services: site.services.filter((s) => s.id !== 'birth_registration') };
    expect(planVoiceAnswer(heard('start_procedure', birth), ctx({ site: fewer }))).toMatchObject({
      kind: 'refuse',
    });
    expect(planVoiceAnswer(heard('find_facility', {}), ctx())).toMatchObject({ kind: 'refuse' });
  });

  it('answers in the site default when the spoken language is not enabled there', () => {
    const viOnly = { ...site, languages: { ...site.languages, enabled: ['vi' as const] } };
    expect(planVoiceAnswer(heard('out_of_scope', {}, 'ur'), ctx({ site: viOnly }))).toMatchObject({
      language: 'vi',
    });
  });

  it('shows the place for a facility, the documents, the guide, and starts over on goodbye', () => {
    const restroom = site.facilities.find((f) => f.id === 'restroom')!;
    expect(planVoiceAnswer(heard('find_facility', { facility: 'restroom' }, 'en'), ctx())).toEqual({
      kind: 'screens',
      language: 'en',
      screens: [{ name: 'facilities', place: restroom.place }],
      say: restroom.name.en,
    });
    const docs = planVoiceAnswer(heard('procedure_documents', birth), ctx());
    expect(docs).toMatchObject({ kind: 'screens', screens: [{ name: 'detail' }] });
    const guide = planVoiceAnswer(heard('guide_to_counter', birth), ctx());
    expect(guide).toMatchObject({ screens: [{ name: 'detail' }, { name: 'guide' }] });
    expect(planVoiceAnswer(heard('thanks_goodbye'), ctx())).toEqual({ kind: 'start_over' });
    expect(planVoiceAnswer(heard('repeat'), ctx())).toEqual({ kind: 'repeat' });
  });
});

describe('ticketAnswer', () => {
  it('says the procedure, the number and the counter in the citizen language', () => {
    const service = site.services.find((s) => s.id === 'birth_registration')!;
    const receipt = { ticket: { number: 'KS002' }, counters: [1, 2] } as TicketReceipt;
    const text = ticketAnswer(translator('en', site.timezone), service, receipt);
    expect(text).toBe(
      'Birth registration. Your number is KS002. When your number is called, go to counter 1 or 2',
    );
  });
});
