import { join } from 'node:path';
import {
  INTENTS,
  type IntentName,
  type IntentResult,
  type IntentSlots,
  type RankedIntents,
  type SiteCatalogue,
  toCatalogue,
} from '@reception/protocol';
import { loadSite } from '@reception/protocol/site-file';
import { REPO_ROOT } from '@reception/protocol/testing/site-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACT_CONFIDENCE,
  actFor,
  CHOICE_MIN_PROBABILITY,
  labelFor,
  MAX_CHOICES,
  routeIntent,
} from './intent-routing.ts';

// The search box's routing on the demo site's real catalogue (Node: the site file is read from disk).

let site: SiteCatalogue;
beforeAll(async () => {
  site = toCatalogue((await loadSite(join(REPO_ROOT, 'sites', 'demo-ward', 'site.yaml'))).site);
});

const sure = (intent: IntentName, slots: IntentSlots = {}, confidence = 0.93): RankedIntents => ({
  result: { intent, confidence, slots },
  candidates: intent === 'out_of_scope' ? [] : [{ intent, probability: confidence, slots }],
});
const ctx = (hasTicket = false) => ({ site, hasTicket });

describe('a confident answer opens the screen it is about', () => {
  it.each([
    [
      'start_procedure',
      { procedure: 'birth_registration' },
      { name: 'detail', serviceId: 'birth_registration' },
    ],
    ['procedure_documents', { procedure: 'certified_copy' }, { name: 'detail', serviceId: 'certified_copy' }],
    [
      'procedure_fee',
      { procedure: 'land_use_certificate' },
      { name: 'detail', serviceId: 'land_use_certificate' },
    ],
    [
      'procedure_duration',
      { procedure: 'social_allowance' },
      { name: 'detail', serviceId: 'social_allowance' },
    ],
    [
      'online_services',
      { procedure: 'marriage_registration' },
      { name: 'detail', serviceId: 'marriage_registration' },
    ],
    [
      'get_ticket',
      { procedure: 'death_registration' },
      { name: 'priority', serviceId: 'death_registration' },
    ],
    [
      'priority_request',
      { procedure: 'residence_registration' },
      { name: 'priority', serviceId: 'residence_registration' },
    ],
    ['guide_to_counter', { counter: 3 }, { name: 'facilities', place: 'counter_3' }],
    ['guide_to_counter', {}, { name: 'facilities' }],
    ['find_facility', { facility: 'restroom' }, { name: 'facilities', place: 'restroom' }],
    ['find_facility', { facility: 'parking' }, { name: 'facilities', place: 'entrance' }],
    ['find_facility', {}, { name: 'facilities' }],
    ['dossier_status', {}, { name: 'dossier' }],
    ['call_staff', {}, { name: 'staff' }],
    ['feedback', {}, { name: 'rate' }],
  ] as [IntentName, IntentSlots, object][])('%s %j', (intent, slots, screen) => {
    expect(routeIntent(sure(intent, slots), ctx())).toEqual({ kind: 'open', screen });
  });

  it('guides to the first counter of a named procedure when no counter number was said', () => {
    const service = site.services.find((s) => s.id === 'civil_status_extract')!;
    const counter = site.counters.find((c) => service.counters.includes(c.id))!;
    expect(routeIntent(sure('guide_to_counter', { procedure: 'civil_status_extract' }), ctx())).toEqual({
      kind: 'open',
      screen: { name: 'facilities', place: counter.place },
    });
  });

  it('a counter number the site does not have falls back to the map of all places', () => {
    expect(routeIntent(sure('guide_to_counter', { counter: 42 }), ctx())).toEqual({
      kind: 'open',
      screen: { name: 'facilities' },
    });
  });

  it('without a procedure, procedure questions ask which one and widen the list', () => {
    expect(routeIntent(sure('procedure_fee'), ctx())).toEqual({
      kind: 'say',
      key: 'intent.which_procedure',
      listAll: true,
    });
    expect(routeIntent(sure('get_ticket'), ctx())).toMatchObject({ key: 'intent.ticket_which_procedure' });
    expect(routeIntent(sure('priority_request'), ctx())).toMatchObject({ key: 'intent.priority_answer' });
    expect(routeIntent(sure('online_services'), ctx())).toMatchObject({ key: 'intent.online_answer' });
  });

  it('a procedure this site does not offer is treated as unnamed', () => {
    const small = { ...site, services: site.services.filter((s) => s.id !== 'construction_permit') };
    expect(
      routeIntent(sure('start_procedure', { procedure: 'construction_permit' }), {
        site: small,
        hasTicket: false,
      }),
    ).toMatchObject({
      kind: 'say',
      key: 'intent.which_procedure',
    });
  });

  it('queue status shows the ticket of this visit, or says there is none', () => {
    expect(routeIntent(sure('queue_status'), ctx(true))).toEqual({
      kind: 'open',
      screen: { name: 'ticket' },
    });
    expect(routeIntent(sure('queue_status'), ctx(false))).toMatchObject({ key: 'intent.queue_no_ticket' });
  });

  it('changes language to an enabled one, otherwise offers the languages', () => {
    expect(routeIntent(sure('change_language', { language: 'ur' }), ctx())).toEqual({
      kind: 'language',
      language: 'ur',
    });
    expect(routeIntent(sure('change_language'), ctx())).toEqual({ kind: 'languages' });
    const viOnly = { ...site, languages: { ...site.languages, enabled: ['vi' as const] } };
    expect(
      routeIntent(sure('change_language', { language: 'hi' }), { site: viOnly, hasTicket: false }),
    ).toEqual({
      kind: 'languages',
    });
  });

  it('answers conversation moves in place', () => {
    expect(routeIntent(sure('opening_hours'), ctx())).toEqual({ kind: 'hours' });
    expect(routeIntent(sure('greeting'), ctx())).toEqual({
      kind: 'say',
      key: 'intent.greeting_reply',
      listAll: false,
    });
    expect(routeIntent(sure('thanks_goodbye'), ctx())).toMatchObject({ key: 'intent.goodbye_reply' });
    expect(routeIntent(sure('repeat'), ctx())).toEqual({ kind: 'repeat' });
    expect(routeIntent(sure('cancel'), ctx())).toEqual({ kind: 'clear' });
  });
});

describe('out of scope and low confidence', () => {
  it('out_of_scope says so, whatever the candidates', () => {
    const ranked: RankedIntents = {
      result: { intent: 'out_of_scope', confidence: 0.55, slots: {} },
      candidates: [{ intent: 'get_ticket', probability: 0.4, slots: {} }],
    };
    expect(routeIntent(ranked, ctx())).toEqual({ kind: 'out_of_scope' });
  });

  it('acts at exactly ACT_CONFIDENCE and asks just below it', () => {
    const at = sure('dossier_status', {}, ACT_CONFIDENCE);
    expect(routeIntent(at, ctx())).toMatchObject({ kind: 'open' });
    const below = sure('dossier_status', {}, ACT_CONFIDENCE - 0.001);
    expect(routeIntent(below, ctx())).toMatchObject({ kind: 'choices' });
  });

  it('offers at most MAX_CHOICES likely, actionable candidates, each with its own way there', () => {
    const result: IntentResult = {
      intent: 'procedure_fee',
      confidence: 0.41,
      slots: { procedure: 'birth_registration' },
    };
    const ranked: RankedIntents = {
      result,
      candidates: [
        { intent: 'procedure_fee', probability: 0.41, slots: { procedure: 'birth_registration' } },
        { intent: 'greeting', probability: 0.2, slots: {} },
        { intent: 'procedure_duration', probability: 0.15, slots: { procedure: 'birth_registration' } },
        { intent: 'guide_to_counter', probability: 0.12, slots: { counter: 2 } },
        { intent: 'find_facility', probability: 0.11, slots: { facility: 'exit' } },
        { intent: 'call_staff', probability: CHOICE_MIN_PROBABILITY - 0.01, slots: {} },
      ],
    };
    const answer = routeIntent(ranked, ctx());
    if (answer.kind !== 'choices') throw new Error(`expected choices, got ${answer.kind}`);
    expect(answer.choices).toHaveLength(MAX_CHOICES);
    expect(answer.choices.map((c) => c.intent)).toEqual([
      'procedure_fee',
      'procedure_duration',
      'guide_to_counter',
    ]);
    expect(answer.choices.map((c) => c.label)).toEqual([
      { key: 'intent.choice_fee_of', procedure: 'birth_registration' },
      { key: 'intent.choice_duration_of', procedure: 'birth_registration' },
      { key: 'intent.choice_counter_number', number: 2 },
    ]);
    expect(answer.choices[2]?.answer).toEqual({
      kind: 'open',
      screen: { name: 'facilities', place: 'counter_2' },
    });
  });

  it('never offers the same choice twice, and with nothing worth offering says it cannot help', () => {
    const twice: RankedIntents = {
      result: { intent: 'opening_hours', confidence: 0.3, slots: {} },
      candidates: [
        { intent: 'opening_hours', probability: 0.3, slots: {} },
        { intent: 'opening_hours', probability: 0.3, slots: {} },
        { intent: 'thanks_goodbye', probability: 0.25, slots: {} },
      ],
    };
    expect(routeIntent(twice, ctx())).toMatchObject({
      kind: 'choices',
      choices: [{ intent: 'opening_hours' }],
    });
    const chatter: RankedIntents = {
      result: { intent: 'greeting', confidence: 0.35, slots: {} },
      candidates: [
        { intent: 'greeting', probability: 0.35, slots: {} },
        { intent: 'thanks_goodbye', probability: 0.3, slots: {} },
        { intent: 'dossier_status', probability: 0.05, slots: {} },
      ],
    };
    expect(routeIntent(chatter, ctx())).toEqual({ kind: 'out_of_scope' });
  });

  it('has an action and a label for every intent the model can answer', () => {
    for (const intent of INTENTS) {
      expect(actFor(intent, {}, ctx()).kind, intent).toBeTruthy();
      expect(labelFor(intent, {}, site).key, intent).toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
  });
});
