import { TAKES_PER_KEYWORD } from '../../shared/samples-api.ts';
import { keywordSchema, type Keyword } from '../../shared/voice-api.ts';

/**
 * The phrases in the order a volunteer says them: Vietnamese first, and only those the kiosk listens for
 * (KIOSK_WAKE_KEYWORDS, from the host's capabilities; both when it does not say).
 */
export function takeOrder(listened: readonly Keyword[] = keywordSchema.options): readonly Keyword[] {
  const order = keywordSchema.options.filter((k) => listened.includes(k));
  return order.length > 0 ? order : keywordSchema.options;
}

/** Takes a volunteer is asked for in all. */
export function takesInAll(order: readonly Keyword[]): number {
  return order.length * TAKES_PER_KEYWORD;
}

/** The phrase and its take number (1-based) at position `index` of a volunteer's takes. */
export function takeAt(index: number, order: readonly Keyword[]): { keyword: Keyword; n: number } {
  const keyword = order[Math.min(order.length - 1, Math.floor(index / TAKES_PER_KEYWORD))];
  return { keyword: keyword ?? 'xin_chao_robot', n: (index % TAKES_PER_KEYWORD) + 1 };
}

/**
 * "Record the last one again": which kept take that is and where the volunteer goes back to. While
 * "Saved" shows, the last kept take is the one at `index` (the next has not been asked for yet); otherwise
 * it is the one before (the other phrase's last at a phrase's first take). None before the first.
 */
export function redoTarget(
  index: number,
  justSaved: boolean,
  order: readonly Keyword[],
): { index: number; keyword: Keyword } | undefined {
  const last = justSaved ? index : index - 1;
  if (last < 0) return undefined;
  return { index: last, keyword: takeAt(last, order).keyword };
}
