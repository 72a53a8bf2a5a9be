import type { ErrorCode, TicketReceipt } from '@reception/protocol';
import type { MessageKey, Translator } from '@reception/i18n';

/** The sentences under the number on the ticket screen, in the translator's language. */
export function receiptText(i18n: Translator, receipt: TicketReceipt) {
  const minutes = receipt.estimated_wait_min;
  return {
    counter: i18n.t('kiosk.go_to_counter', {
      counters: i18n.list(receipt.counters.map(String), 'disjunction'),
    }),
    ahead: i18n.t('common.people_ahead', { count: Math.max(0, receipt.position - 1) }),
    wait:
      minutes > 0
        ? i18n.t('kiosk.estimated_wait', { wait: i18n.t('common.minutes_about', { minutes }) })
        : undefined,
  };
}

/** What a citizen is told when no ticket came back; the bridge's own words go to the log only. */
export function ticketErrorKey(code: ErrorCode): MessageKey {
  switch (code) {
    case 'UNAVAILABLE':
    case 'TIMEOUT':
      return 'kiosk.ticket_error_unavailable';
    case 'RATE_LIMITED':
      return 'kiosk.ticket_error_busy';
    case 'INVALID_PAYLOAD':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INTERNAL':
      return 'kiosk.ticket_error';
    default: {
      const never: never = code;
      return never;
    }
  }
}
