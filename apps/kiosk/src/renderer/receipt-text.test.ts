import { ERROR_CODES, type TicketReceipt } from '@reception/protocol';
import { sampleTicket } from '@reception/protocol/testing/ticket-site';
import { translator } from '@reception/i18n';
import { describe, expect, it } from 'vitest';
import { receiptText, ticketErrorKey } from './receipt-text.ts';

const HCM = 'Asia/Ho_Chi_Minh';
const receipt = (over: Partial<TicketReceipt>): TicketReceipt => ({
  ticket: sampleTicket(),
  position: 1,
  estimated_wait_min: 0,
  counters: [3],
  replayed: false,
  print: { status: 'printed' },
  ...over,
});

describe('ticket screen sentences', () => {
  it('says 1 minute and 2 minutes, never "1 minutes", in English, Hindi and Urdu', () => {
    const wait = (language: 'en' | 'hi' | 'ur', minutes: number) =>
      receiptText(translator(language, HCM), receipt({ estimated_wait_min: minutes })).wait;
    expect(wait('en', 1)).toBe('Expected wait: about 1 minute');
    expect(wait('en', 2)).toBe('Expected wait: about 2 minutes');
    expect(wait('hi', 1)).toBe('अनुमानित प्रतीक्षा: लगभग 1 मिनट');
    expect(wait('hi', 2)).toBe('अनुमानित प्रतीक्षा: लगभग 2 मिनट');
    expect(wait('ur', 1)).toBe('متوقع انتظار: \u2068تقریباً 1 منٹ\u2069');
    expect(wait('ur', 2)).toBe('متوقع انتظار: \u2068تقریباً 2 منٹ\u2069');
    expect(wait('en', 0)).toBeUndefined();
  });

  it('counts the people ahead, not the citizen themself', () => {
    const en = translator('en', HCM);
    expect(receiptText(en, receipt({ position: 1 })).ahead).toBe('Nobody is ahead of you');
    expect(receiptText(en, receipt({ position: 2 })).ahead).toBe('1 person is ahead of you');
    expect(receiptText(translator('vi', HCM), receipt({ position: 4 })).ahead).toBe('Có 3 người trước bạn');
  });

  it('names one counter, or several joined with "or" in the citizen’s language', () => {
    expect(receiptText(translator('vi', HCM), receipt({})).counter).toBe('Khi được gọi, mời bạn đến quầy 3');
    expect(receiptText(translator('en', HCM), receipt({ counters: [1, 2] })).counter).toBe(
      'When your number is called, go to counter 1 or 2',
    );
    expect(receiptText(translator('hi', HCM), receipt({ counters: [1, 2] })).counter).toBe(
      'जब आपका नंबर पुकारा जाए, काउंटर 1 या 2 पर जाएँ',
    );
  });
});

describe('ticketErrorKey', () => {
  it('tells the citizen why in plain words when the queue system is away or busy', () => {
    expect(ticketErrorKey('UNAVAILABLE')).toBe('kiosk.ticket_error_unavailable');
    expect(ticketErrorKey('TIMEOUT')).toBe('kiosk.ticket_error_unavailable');
    expect(ticketErrorKey('RATE_LIMITED')).toBe('kiosk.ticket_error_busy');
    expect(ticketErrorKey('INTERNAL')).toBe('kiosk.ticket_error');
  });

  it('has a message in every language for every wire error code', () => {
    for (const code of ERROR_CODES) {
      for (const language of ['vi', 'en', 'hi', 'ur'] as const) {
        expect(translator(language, HCM).t(ticketErrorKey(code))).not.toBe('');
      }
    }
  });
});
