import { defineMessages } from './define.ts';

/**
 * What the lobby voice says and the display shows when a ticket is called. Vietnamese as the centres say
 * it ("Mời số B012 đến quầy số 3"); `number` is the ticket number, spaced digit by digit for the voice.
 */
export const announce = defineMessages('announce', {
  call: {
    vi: 'Mời số {number} đến quầy số {counter}',
    en: 'Number {number}, please go to counter {counter}',
    hi: 'नंबर {number}, कृपया काउंटर {counter} पर आइए',
    ur: 'نمبر {number}، براہ کرم کاؤنٹر {counter} پر تشریف لائیں',
  },
});
