import { LANGUAGES, type Language, type Ticket } from '@reception/protocol';
import { directionOf, translator, type Translator } from '@reception/i18n';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,'Noto Sans',sans-serif;max-width:28em;margin:2em auto;padding:0 1em;color:#123}
:lang(hi){font-family:'Noto Sans Devanagari',system-ui,sans-serif}
:lang(ur){font-family:'Noto Nastaliq Urdu','Noto Naskh Arabic',system-ui,sans-serif;line-height:2}
h1{font-size:1.4em}nav{display:flex;gap:.8em;flex-wrap:wrap;font-size:1.05em}nav a[aria-current]{font-weight:700;
text-decoration:none;color:inherit}.stars{display:grid;gap:.4em}.stars label{border:1px solid #8aa;border-radius:.5em;
padding:.6em .9em;font-size:1.2em}.stars span{color:#b70;letter-spacing:.1em}textarea{width:100%;min-height:5em}
button{margin-top:1em;font-size:1.1em;padding:.6em 1.4em;background:#0b5;color:#fff;border:0;border-radius:.4em}
.err{color:#b00}.when{color:#456}.live{font-size:1.3em;font-weight:700}`;

/** What a rating page needs besides the ticket: the language it speaks and the languages it offers. */
export interface RatingView {
  i18n: Translator;
  languages: readonly Language[];
}

/**
 * The language of the rating page: the one asked for with `?lang=` if the site offers it, else the one the
 * citizen chose at the kiosk, else the site's default. Dates and times are on the site's clock.
 */
/** What the rating page needs of the site. */
export interface RatingSite {
  timezone: string;
  languages: { default: Language; enabled: readonly Language[] };
}

export function ratingView(
  site: RatingSite,
  ticket: Ticket | undefined,
  requested: string | null,
): RatingView {
  const enabled = site.languages.enabled;
  const offered = (l: string | null | undefined) => enabled.find((e) => e === l);
  const language = offered(requested) ?? offered(ticket?.language) ?? site.languages.default;
  return { i18n: translator(language, site.timezone), languages: enabled };
}

/** Links to the same page in every language the site offers, each named in its own language. */
function languageSwitch({ i18n, languages }: RatingView): string {
  if (languages.length < 2) return '';
  const links = LANGUAGES.filter((l) => languages.includes(l)).map((l) => {
    const name = esc(translator(l, i18n.timeZone).t('common.language_name'));
    const current = l === i18n.language ? ' aria-current="page"' : '';
    return `<a href="?lang=${l}" lang="${l}" dir="${directionOf(l)}"${current}>${name}</a>`;
  });
  return `<nav aria-label="${esc(i18n.t('common.language'))}">${links.join('')}</nav>`;
}

/** Seconds between reloads of the phone page while the ticket is still in the queue. */
export const LIVE_REFRESH_S = 15;

function page(view: RatingView, body: string, refreshS?: number): string {
  const { i18n } = view;
  // A meta refresh keeps the position live with no script, so the bridge's CSP stays as strict as it is.
  const refresh = refreshS ? `<meta http-equiv="refresh" content="${refreshS}">` : '';
  return `<!doctype html><html lang="${i18n.language}" dir="${directionOf(i18n.language)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${esc(i18n.t('rating.title'))}</title>
<style>${STYLE}</style></head><body>${languageSwitch(view)}${body}</body></html>`;
}

/** Where a ticket stands in the queue, for the phone page (no personal data: number, counter, position). */
export interface LivePosition {
  /** People ahead, counting from 1 for the next to be called (`TicketQueue.status`). */
  position: number;
  estimated_wait_min: number;
  /** Number of the counter that called or serves it. */
  counter: number | null;
}

/**
 * The phone page behind the ticket's QR code while the visit is not finished: the number, how many are
 * ahead and the wait, or the counter once it is called. It reloads itself every LIVE_REFRESH_S seconds;
 * once the ticket is completed the same address shows the rating form.
 */
export function livePage(ticket: Ticket, live: LivePosition, view: RatingView): string {
  const { i18n } = view;
  const lines: string[] = [];
  let refresh: number | undefined = LIVE_REFRESH_S;
  switch (ticket.status) {
    case 'waiting':
      lines.push(i18n.t('common.people_ahead', { count: Math.max(0, live.position - 1) }));
      if (live.estimated_wait_min > 0)
        lines.push(
          i18n.t('rating.live_wait', {
            wait: i18n.t('common.minutes_about', { minutes: live.estimated_wait_min }),
          }),
        );
      break;
    case 'called':
      lines.push(
        live.counter === null
          ? i18n.t('rating.live_ended')
          : i18n.t('rating.live_called', { counter: live.counter }),
      );
      break;
    case 'serving':
      if (live.counter !== null) lines.push(i18n.t('rating.live_serving', { counter: live.counter }));
      break;
    case 'completed':
    case 'no_show':
    case 'cancelled':
    case 'expired':
      lines.push(i18n.t('rating.live_ended'));
      refresh = undefined;
      break;
    default: {
      const never: never = ticket.status;
      return never;
    }
  }
  const status = lines.map((l) => `<p class="live">${esc(l)}</p>`).join('');
  const note = refresh ? `<p class="when">${esc(i18n.t('rating.live_updates'))}</p>` : '';
  const when = esc(i18n.t('rating.taken_at', { at: new Date(ticket.created_at) }));
  return page(
    view,
    `<h1 data-status="${ticket.status}">${esc(i18n.t('rating.live_number', { number: ticket.number }))}</h1><p class="when">${when}</p>${status}${note}`,
    refresh,
  );
}

/** Rating form for one ticket in the view's language; a plain form, no script, any phone browser. */
export function ratingPage(ticket: Ticket, view: RatingView, error?: 'choose_stars'): string {
  const { i18n } = view;
  const stars = [1, 2, 3, 4, 5]
    .map(
      (score) =>
        `<label><input type="radio" name="score" value="${score}" required> <span aria-hidden="true">${'★'.repeat(score)}</span> ${esc(i18n.t('rating.score', { score }))}</label>`,
    )
    .join('');
  const note = error ? `<p class="err" role="alert">${esc(i18n.t(`rating.${error}`))}</p>` : '';
  const body =
    ticket.status === 'completed'
      ? `<form method="post" action="?lang=${i18n.language}"><div class="stars">${stars}</div>
<p><label>${esc(i18n.t('rating.reason_label'))}<br><textarea name="reason" maxlength="500"></textarea></label></p>
<button type="submit">${esc(i18n.t('rating.send'))}</button></form>`
      : `<p>${esc(i18n.t('rating.not_yet'))}</p>`;
  const when = esc(i18n.t('rating.taken_at', { at: new Date(ticket.created_at) }));
  return page(
    view,
    `<h1>${esc(i18n.t('rating.question', { number: ticket.number }))}</h1><p class="when">${when}</p>${note}${body}`,
  );
}

/** The page after a rating, or instead of the form: thanks, an unknown ticket, or one already rated. */
export function ratingNotice(kind: 'thanks' | 'unknown' | 'closed', view: RatingView): string {
  return page(view, `<h1>${esc(view.i18n.t(`rating.${kind}`))}</h1>`);
}
