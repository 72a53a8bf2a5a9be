import {
  documentText,
  type IntentResult,
  type Language,
  type Service,
  type SiteCatalogue,
  type TicketReceipt,
} from '@reception/protocol';
import { LOCALES, textIn, type Translator } from '@reception/i18n';
import type { Screen } from '../kiosk-state.ts';
import { describeOpeningHours, isOpenAt } from '../opening-hours.ts';
import { receiptText } from '../receipt-text.ts';

/** What the kiosk does with one spoken request (`planVoiceAnswer`). */
export type VoicePlan =
  /** Show the procedure, issue a ticket for it, then say the ticket (`ticketAnswer`). */
  | { kind: 'ticket'; language: Language; screens: Screen[]; service: Service }
  /** Show these screens on top of home and say `say`. */
  | { kind: 'screens'; language: Language; screens: Screen[]; say: string }
  /** Out of scope, unsure, or nothing on this site answers it: "please use the screen", screen unchanged. */
  | { kind: 'refuse'; language: Language; say: string }
  /** Cancel or goodbye: start over for the next citizen. */
  | { kind: 'start_over' }
  /** Say the last answer again. */
  | { kind: 'repeat' };

export interface VoiceAnswerContext {
  site: SiteCatalogue;
  /** Tickets this visit already took (a second one for the same procedure is asked on screen, not issued). */
  tickets: readonly TicketReceipt[];
  /** The bridge is reachable (a ticket can be issued now). */
  online: boolean;
  now: Date;
  /** A translator for the given language, on the site's clock. */
  translator: (language: Language) => Translator;
}

/**
 * Maps the speech intent to the kiosk's answer, in the language the citizen spoke (or the site's default
 * when the site does not offer it). Never guesses: an intent whose slot names nothing on this site is
 * refused like `out_of_scope`. A ticket is issued straight away only when the touch journey would not ask
 * first (centre open, no ticket yet for that procedure, bridge reachable); otherwise the citizen lands on
 * the ticket screen's question with the reason said aloud.
 */
export function planVoiceAnswer(
  heard: { result: IntentResult; language: Language },
  ctx: VoiceAnswerContext,
): VoicePlan {
  const { site } = ctx;
  const language = site.languages.enabled.includes(heard.language) ? heard.language : site.languages.default;
  const t = ctx.translator(language);
  const { intent, slots } = heard.result;
  const refuse: VoicePlan = { kind: 'refuse', language, say: t.t('kiosk.voice_use_screen') };
  const service = site.services.find((s) => s.id === slots.procedure);
  const name = service ? textIn(service.name, language) : '';
  const screens = (say: string, ...list: Screen[]): VoicePlan => ({
    kind: 'screens',
    language,
    screens: list,
    say,
  });
  switch (intent) {
    case 'get_ticket':
    case 'start_procedure': {
      if (!service) return refuse;
      const detail: Screen = { name: 'detail', serviceId: service.id };
      const open = isOpenAt(site.opening_hours, site.timezone, ctx.now);
      const previous = ctx.tickets.find((r) => r.ticket.service_id === service.id);
      if (open && !previous && ctx.online) return { kind: 'ticket', language, screens: [detail], service };
      const why = !ctx.online
        ? t.t('kiosk.offline_no_ticket')
        : previous
          ? t.t('kiosk.already_have_ticket', { number: previous.ticket.number })
          : t.t('kiosk.closed_now', {
              hours: t.list(describeOpeningHours(site.opening_hours, LOCALES[language])),
            });
      return screens(`${name}. ${why}`, detail, { name: 'priority', serviceId: service.id });
    }
    case 'procedure_documents': {
      if (!service) return refuse;
      const papers = t.list(service.required_documents.map((d) => textIn(documentText(d), language)));
      return screens(`${name}. ${t.t('kiosk.documents_heading')}: ${papers}`, {
        name: 'detail',
        serviceId: service.id,
      });
    }
    case 'procedure_fee': {
      if (!service) return refuse;
      const fee = t.money(service.fee.amount_vnd);
      return screens(`${name}. ${t.t('kiosk.fee_heading')}: ${fee}`, {
        name: 'detail',
        serviceId: service.id,
      });
    }
    case 'guide_to_counter': {
      const counter = service && site.counters.find((c) => service.counters.includes(c.id));
      if (!service || !counter) return refuse;
      return screens(
        `${name}. ${t.t('kiosk.guide_me')}`,
        { name: 'detail', serviceId: service.id },
        {
          name: 'guide',
          place: counter.place,
        },
      );
    }
    case 'find_facility': {
      const facility = site.facilities.find((f) => f.id === slots.facility);
      if (!facility) return refuse;
      return screens(textIn(facility.name, language), { name: 'facilities', place: facility.place });
    }
    case 'dossier_status':
      return screens(t.t('kiosk.voice_dossier'), { name: 'dossier' });
    case 'call_staff':
      return screens(t.t('kiosk.voice_staff'), { name: 'staff' });
    case 'opening_hours':
      return screens(
        t.t('intent.opening_hours_answer', {
          hours: t.list(describeOpeningHours(site.opening_hours, LOCALES[language])),
        }),
      );
    case 'greeting':
      return screens(t.t('kiosk.voice_greeting'));
    case 'thanks_goodbye':
    case 'cancel':
      return { kind: 'start_over' };
    case 'repeat':
      return { kind: 'repeat' };
    case 'out_of_scope':
    case 'procedure_duration':
    case 'queue_status':
    case 'online_services':
    case 'priority_request':
    case 'feedback':
    case 'change_language':
      return refuse;
    default: {
      const never: never = intent;
      return never;
    }
  }
}

/** What the kiosk says once a ticket was issued by voice: the procedure, the number, where to go. */
export function ticketAnswer(t: Translator, service: Service, receipt: TicketReceipt): string {
  return t.t('kiosk.voice_ticket_answer', {
    service: textIn(service.name, t.language),
    number: receipt.ticket.number,
    counter: receiptText(t, receipt).counter,
  });
}
