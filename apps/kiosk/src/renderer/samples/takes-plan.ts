import { TAKES_PER_KEYWORD } from '../../shared/samples-api.ts';
import type { Keyword } from '../../shared/voice-api.ts';

/** The phrases in the order a volunteer says them. */
export const TAKE_ORDER: readonly Keyword[] = ['xin_chao_robot', 'hello_robot'];
/** Takes a volunteer is asked for in all. */
export const TAKES_IN_ALL = TAKE_ORDER.length * TAKES_PER_KEYWORD;

/** The phrase and its take number (1-based) at position `index` of a volunteer's takes. */
export function takeAt(index: number): { keyword: Keyword; n: number } {
  const keyword = TAKE_ORDER[Math.min(TAKE_ORDER.length - 1, Math.floor(index / TAKES_PER_KEYWORD))];
  return { keyword: keyword ?? 'hello_robot', n: (index % TAKES_PER_KEYWORD) + 1 };
}

/**
 * "Record the last one again": which kept take that is and where the volunteer goes back to. While
 * "Saved" shows, the last kept take is the one at `index` (the next has not been asked for yet); otherwise
 * it is the one before (the other phrase's last at a phrase's first take). None before the first.
 */
export function redoTarget(
  index: number,
  justSaved: boolean,
): { index: number; keyword: Keyword } | undefined {
  const last = justSaved ? index : index - 1;
  if (last < 0) return undefined;
  return { index: last, keyword: takeAt(last).keyword };
}
