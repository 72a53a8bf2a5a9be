import type { MessageKey } from '@reception/i18n';
import type { IntentName, IntentSlots, Language, RankedIntents, SiteCatalogue } from '@reception/protocol';
import type { Screen } from './kiosk-state.ts';

/**
 * What the search box does with the intent model's answer (DESIGN.md section 7: below a confidence
 * threshold or out of scope, say so and offer the touch menu; never guess).
 *
 * - In scope with confidence >= ACT_CONFIDENCE: act, i.e. open the screen the request is about.
 * - In scope but less sure: offer the in-scope candidates with probability >= CHOICE_MIN_PROBABILITY (at
 *   most MAX_CHOICES) as "Did you mean..." buttons; nothing is opened until the citizen picks one.
 * - `out_of_scope` (the model's own class, its threshold, or input refused before the model): say politely
 *   that the centre cannot help and offer the touch menu and a member of staff.
 *
 * ACT_CONFIDENCE, measured with the committed model on its validation split (a development set, so these
 * are optimistic): of the in-scope answers, 91 % reach 0.5 and 99.6 % of those are right; the 9 % below
 * are right 87 % of the time, and the right intent is among the offered candidates for 94 % of them. On
 * test3 (a development split since the third pool round): 69 % reach 0.5 and 98.1 % of those are right. On
 * the held-out test split: 85 % reach 0.5 and 99.0 % of those are right; below 0.5 only 50 % are, which is
 * why those become a question. (Before the third round: 85 % / 99.8 % on validation, 68 % / 95.7 % on
 * test3; at 0.6 a fifth of all answers would have become a question, at 0.4 the acted-on answers dropped
 * to 99.2 % right.)
 */
export const ACT_CONFIDENCE = 0.5;
export const CHOICE_MIN_PROBABILITY = 0.1;
export const MAX_CHOICES = 3;

/** A button or line of text, formatted by the component: ids are turned into names in the citizen's language. */
export interface Label {
  key: MessageKey;
  /** A service id: `{procedure}` is its name. */
  procedure?: string;
  /** A facility id: `{place}` is its name. */
  place?: string;
  /** A counter number: `{number}`. */
  number?: number;
  /** A language shown by its own name. */
  language?: Language;
}

export type Answer =
  /** Open a screen. */
  | { kind: 'open'; screen: Screen }
  /** Switch the kiosk to a language. */
  | { kind: 'language'; language: Language }
  /** Say something on the search screen (the procedure list stays below it). */
  | { kind: 'say'; key: MessageKey; listAll: boolean }
  /** Say the opening hours. */
  | { kind: 'hours' }
  /** Offer the site's languages as buttons. */
  | { kind: 'languages' }
  /** "Did you mean..." */
  | { kind: 'choices'; choices: Choice[] }
  /** "Sorry, the centre cannot help with that", with the touch menu and staff. */
  | { kind: 'out_of_scope' }
  /** Empty the search box. */
  | { kind: 'clear' }
  /** Say the last answer again. */
  | { kind: 'repeat' };

export interface Choice {
  intent: IntentName;
  label: Label;
  answer: Answer;
}

export interface RouteContext {
  site: SiteCatalogue;
  /** The visit has a ticket on record (queue status shows it). */
  hasTicket: boolean;
}

/** Conversation moves, not destinations: never offered as a choice. */
const NOT_OFFERED = new Set<IntentName>(['greeting', 'thanks_goodbye', 'repeat', 'cancel', 'out_of_scope']);

const say = (key: MessageKey, listAll = true): Answer => ({ kind: 'say', key, listAll });
const open = (screen: Screen): Answer => ({ kind: 'open', screen });

/** The answer for one intent and its slots, whatever the confidence (the caller decides whether to act). */
export function actFor(intent: IntentName, slots: IntentSlots, ctx: RouteContext): Answer {
  const { site } = ctx;
  const service = site.services.find((s) => s.id === slots.procedure);
  switch (intent) {
    case 'start_procedure':
    case 'procedure_documents':
    case 'procedure_fee':
    case 'procedure_duration':
      return service ? open({ name: 'detail', serviceId: service.id }) : say('intent.which_procedure');
    case 'online_services':
      return service ? open({ name: 'detail', serviceId: service.id }) : say('intent.online_answer');
    case 'get_ticket':
      return service
        ? open({ name: 'priority', serviceId: service.id })
        : say('intent.ticket_which_procedure');
    case 'priority_request':
      return service ? open({ name: 'priority', serviceId: service.id }) : say('intent.priority_answer');
    case 'guide_to_counter': {
      const counter =
        site.counters.find((c) => c.number === slots.counter) ??
        site.counters.find((c) => service?.counters.includes(c.id));
      return open({ name: 'facilities', ...(counter ? { place: counter.place } : {}) });
    }
    case 'find_facility': {
      const facility = site.facilities.find((f) => f.id === slots.facility);
      return open({ name: 'facilities', ...(facility ? { place: facility.place } : {}) });
    }
    case 'queue_status':
      return ctx.hasTicket ? open({ name: 'ticket' }) : say('intent.queue_no_ticket');
    case 'dossier_status':
      return open({ name: 'dossier' });
    case 'opening_hours':
      return { kind: 'hours' };
    case 'call_staff':
      return open({ name: 'staff' });
    case 'feedback':
      return open({ name: 'rate' });
    case 'change_language':
      return slots.language && site.languages.enabled.includes(slots.language)
        ? { kind: 'language', language: slots.language }
        : { kind: 'languages' };
    case 'greeting':
      return say('intent.greeting_reply', false);
    case 'thanks_goodbye':
      return say('intent.goodbye_reply', false);
    case 'repeat':
      return { kind: 'repeat' };
    case 'cancel':
      return { kind: 'clear' };
    case 'out_of_scope':
      return { kind: 'out_of_scope' };
    default: {
      const never: never = intent;
      return never;
    }
  }
}

/** How a choice reads: the procedure, counter or place it is about when the text named one. */
export function labelFor(intent: IntentName, slots: IntentSlots, site: SiteCatalogue): Label {
  const procedure = site.services.find((s) => s.id === slots.procedure)?.id;
  const withProcedure = (key: MessageKey, fallback: MessageKey): Label =>
    procedure ? { key, procedure } : { key: fallback };
  switch (intent) {
    case 'start_procedure':
    case 'online_services':
      return procedure
        ? { key: 'intent.choice_procedure', procedure }
        : { key: intent === 'online_services' ? 'intent.choice_online' : 'intent.choice_start' };
    case 'procedure_documents':
      return withProcedure('intent.choice_documents_of', 'intent.choice_documents');
    case 'procedure_fee':
      return withProcedure('intent.choice_fee_of', 'intent.choice_fee');
    case 'procedure_duration':
      return withProcedure('intent.choice_duration_of', 'intent.choice_duration');
    case 'get_ticket':
      return withProcedure('intent.choice_ticket_for', 'intent.choice_ticket');
    case 'priority_request':
      return { key: 'intent.choice_priority' };
    case 'guide_to_counter': {
      const counter = site.counters.find((c) => c.number === slots.counter);
      if (counter) return { key: 'intent.choice_counter_number', number: counter.number };
      return withProcedure('intent.choice_counter_of', 'kiosk.menu_facilities');
    }
    case 'find_facility': {
      const facility = site.facilities.find((f) => f.id === slots.facility);
      return facility ? { key: 'intent.choice_place', place: facility.id } : { key: 'kiosk.menu_facilities' };
    }
    case 'queue_status':
      return { key: 'intent.choice_queue' };
    case 'dossier_status':
      return { key: 'kiosk.menu_dossier' };
    case 'opening_hours':
      return { key: 'intent.choice_opening_hours' };
    case 'call_staff':
      return { key: 'staff_call.button' };
    case 'feedback':
      return { key: 'kiosk.menu_rate' };
    case 'change_language':
      return slots.language
        ? { key: 'common.language_name', language: slots.language }
        : { key: 'intent.choice_language' };
    case 'greeting':
    case 'thanks_goodbye':
    case 'repeat':
    case 'cancel':
    case 'out_of_scope':
      return { key: 'intent.show_menu' };
    default: {
      const never: never = intent;
      return never;
    }
  }
}

/** The search box's whole decision for one classified request. */
export function routeIntent(ranked: RankedIntents, ctx: RouteContext): Answer {
  const { result, candidates } = ranked;
  if (result.intent === 'out_of_scope') return { kind: 'out_of_scope' };
  if (result.confidence >= ACT_CONFIDENCE) return actFor(result.intent, result.slots, ctx);
  const choices: Choice[] = [];
  for (const c of candidates) {
    if (choices.length >= MAX_CHOICES) break;
    if (c.probability < CHOICE_MIN_PROBABILITY || NOT_OFFERED.has(c.intent)) continue;
    const label = labelFor(c.intent, c.slots, ctx.site);
    // Two candidates can lead to the same place under the same words ("Opening hours" twice): keep one.
    if (choices.some((x) => sameLabel(x.label, label))) continue;
    choices.push({ intent: c.intent, label, answer: actFor(c.intent, c.slots, ctx) });
  }
  return choices.length > 0 ? { kind: 'choices', choices } : { kind: 'out_of_scope' };
}

function sameLabel(a: Label, b: Label): boolean {
  return (
    a.key === b.key &&
    a.procedure === b.procedure &&
    a.place === b.place &&
    a.number === b.number &&
    a.language === b.language
  );
}
