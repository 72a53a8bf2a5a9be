import { sampleTicket } from '@reception/protocol/testing/ticket-site';
import { describe, expect, it } from 'vitest';
import { livePage, ratingNotice, ratingPage, ratingView } from './rating-page.ts';

const site = {
  timezone: 'Asia/Ho_Chi_Minh',
  languages: { default: 'vi', enabled: ['vi', 'en', 'hi', 'ur'] },
} as const;
// Taken at 17:30 UTC on 23 Nov: 00:30 on the 24th at the centre.
const done = sampleTicket({ status: 'completed', language: 'ur', created_at: '2026-11-23T17:30:00.000Z' });

describe('rating page language', () => {
  it('speaks the language chosen at the kiosk, right to left for Urdu', () => {
    const html = ratingPage(done, ratingView(site, done, null));
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain('نمبر \u2068B012\u2069: آپ کتنے مطمئن ہیں؟');
    expect(html).toContain('بہت خوش');
    expect(html).toContain('action="?lang=ur"');
  });

  it('follows ?lang= when the site offers it, and falls back to the default otherwise', () => {
    expect(ratingPage(done, ratingView(site, done, 'en'))).toContain('Number B012: how satisfied are you?');
    const other = { ...site, languages: { default: 'vi', enabled: ['vi', 'en'] } } as const;
    expect(ratingView(other, done, 'hi').i18n.language).toBe('vi');
    expect(ratingView(site, sampleTicket({ language: null }), null).i18n.language).toBe('vi');
  });

  it('offers every site language by its own name, marking the current one', () => {
    const html = ratingPage(done, ratingView(site, done, 'hi'));
    expect(html).toContain('<a href="?lang=vi" lang="vi" dir="ltr">Tiếng Việt</a>');
    expect(html).toContain('<a href="?lang=ur" lang="ur" dir="rtl">اردو</a>');
    expect(html).toContain('<a href="?lang=hi" lang="hi" dir="ltr" aria-current="page">हिन्दी</a>');
  });

  it('shows when the ticket was taken on the site’s clock', () => {
    expect(ratingPage(done, ratingView(site, done, 'vi'))).toContain('Lấy số lúc 00:30 ngày 24/11/2026');
    const karachi = { ...site, timezone: 'Asia/Karachi' };
    expect(ratingPage(done, ratingView(karachi, done, 'en'))).toContain(
      'Ticket taken on 23/11/2026 at 22:30',
    );
  });
});

describe('rating page content', () => {
  it('asks to wait until the visit is complete, and says so in the citizen’s language', () => {
    const waiting = sampleTicket({ language: 'hi' });
    const html = ratingPage(waiting, ratingView(site, waiting, null));
    expect(html).not.toContain('<form');
    expect(html).toContain('सेवा पूरी होने के बाद आप अपनी राय दे सकते हैं।');
  });

  it('explains a missing score, and escapes the ticket number', () => {
    const odd = sampleTicket({ status: 'completed', language: 'en', number: '<b>' });
    const html = ratingPage(odd, ratingView(site, odd, null), 'choose_stars');
    expect(html).toContain('Please choose from 1 to 5 stars.');
    expect(html).toContain('Number &lt;b&gt;:');
  });

  it('thanks in the page language', () => {
    expect(ratingNotice('thanks', ratingView(site, done, null))).toContain('اپنی رائے دینے کا شکریہ!');
    expect(ratingNotice('unknown', ratingView(site, undefined, 'en'))).toContain(
      'This ticket was not found.',
    );
  });
});

describe('live phone page (QR code on the ticket)', () => {
  it('shows the place in the queue and the wait, and reloads itself', () => {
    const waiting = sampleTicket({ language: 'en' });
    const html = livePage(
      waiting,
      { position: 3, estimated_wait_min: 12, counter: null },
      ratingView(site, waiting, null),
    );
    expect(html).toContain('<meta http-equiv="refresh" content="15">');
    expect(html).toContain('Your number: B012');
    expect(html).toContain('2 people are ahead of you');
    expect(html).toContain('Expected wait: about 12 minutes');
  });

  it('says which counter to go to once called, in the citizen’s language', () => {
    const called = sampleTicket({ status: 'called', language: 'ur' });
    const html = livePage(
      called,
      { position: 0, estimated_wait_min: 0, counter: 3 },
      ratingView(site, called, null),
    );
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain('کاؤنٹر 3');
  });

  it('stops reloading once the ticket left the queue', () => {
    const gone = sampleTicket({ status: 'no_show', language: 'vi' });
    const html = livePage(
      gone,
      { position: 0, estimated_wait_min: 0, counter: null },
      ratingView(site, gone, null),
    );
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('Số này không còn trong hàng chờ.');
  });
});
