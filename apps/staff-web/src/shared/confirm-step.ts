/**
 * The second-press confirmation of the counter's irreversible actions (no-show, cancel, transfer): the
 * first press arms the button; a second press between `minMs` and `windowMs` later does the action. A
 * quicker second press (a double click) or a later one only arms it again; Escape, leaving the button or
 * the window running out disarms it. Pure, so the rule is tested without a browser or a clock.
 */
export interface ConfirmTiming {
  /** Presses sooner than this after arming are a double click, not a decision. */
  minMs: number;
  /** How long the button stays armed. */
  windowMs: number;
}

export const CONFIRM_TIMING: ConfirmTiming = { minMs: 350, windowMs: 4000 };

/** When the button was armed, or null when it is not. */
export type ConfirmState = number | null;

export function pressConfirm(
  armedAt: ConfirmState,
  now: number,
  timing: ConfirmTiming = CONFIRM_TIMING,
): { run: boolean; armedAt: ConfirmState } {
  if (armedAt !== null) {
    const since = now - armedAt;
    if (since >= timing.minMs && since <= timing.windowMs) return { run: true, armedAt: null };
    if (since < timing.minMs) return { run: false, armedAt };
  }
  return { run: false, armedAt: now };
}
