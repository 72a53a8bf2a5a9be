import type { Ticket } from '@reception/protocol';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28em;margin:2em auto;padding:0 1em;color:#123}
h1{font-size:1.4em}.stars{display:flex;gap:.4em;flex-wrap:wrap}.stars label{border:1px solid #8aa;border-radius:.5em;
padding:.6em .9em;font-size:1.2em}textarea{width:100%;min-height:5em}button{margin-top:1em;font-size:1.1em;
padding:.6em 1.4em;background:#0b5;color:#fff;border:0;border-radius:.4em}.err{color:#b00}`;

function page(body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Đánh giá / Rating</title>
<style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** Rating form for one ticket (Vietnamese first, English below); a plain form, no script. */
export function ratingPage(ticket: Ticket, error?: string): string {
  const stars = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="score" value="${n}" required> ${'★'.repeat(n)}</label>`)
    .join('');
  const note = error ? `<p class="err">${esc(error)}</p>` : '';
  const open =
    ticket.status === 'completed'
      ? `<form method="post"><div class="stars">${stars}</div>
<p><label>Lý do (không bắt buộc) / Reason (optional)<br><textarea name="reason" maxlength="500"></textarea></label></p>
<button type="submit">Gửi / Send</button></form>`
      : '<p>Bạn có thể đánh giá sau khi được phục vụ xong. / You can rate once your visit is complete.</p>';
  return page(
    `<h1>Số ${esc(ticket.number)}: bạn hài lòng thế nào? / How satisfied are you?</h1>${note}${open}`,
  );
}

export function ratingThanks(kind: 'thanks' | 'unknown' | 'closed'): string {
  switch (kind) {
    case 'thanks':
      return page('<h1>Cảm ơn bạn đã đánh giá! / Thank you for your rating!</h1>');
    case 'unknown':
      return page('<h1>Không tìm thấy số thứ tự. / Ticket not found.</h1>');
    case 'closed':
      return page('<h1>Số này đã được đánh giá hoặc chưa xong. / Already rated or not finished.</h1>');
    default: {
      const never: never = kind;
      return never;
    }
  }
}
