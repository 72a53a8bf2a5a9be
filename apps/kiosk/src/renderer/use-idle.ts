import { useEffect, useRef, useState } from 'react';
import { ACTIVITY_EVENTS, IdleTimer } from './idle-timer.ts';
import { warningSeconds } from './idle-warning.tsx';

/**
 * The idle reset with its warning: while `armed`, `idleSeconds` without a touch end the visit, and the
 * last `warningSeconds` of them count down on screen (`warning` is the seconds left, else undefined). Any
 * touch, key or scroll starts the wait over and hides the warning.
 */
export function useIdleReset(armed: boolean, idleSeconds: number, onReset: () => void) {
  const [warning, setWarning] = useState<number>();
  const reset = useRef(onReset);
  reset.current = onReset;
  const lead = warningSeconds(idleSeconds);
  const [pokes, setPokes] = useState(0);

  useEffect(() => {
    if (!armed) {
      setWarning(undefined);
      return;
    }
    let countdown: ReturnType<typeof setInterval> | undefined;
    const stopCountdown = () => {
      clearInterval(countdown);
      countdown = undefined;
    };
    const timer = new IdleTimer((idleSeconds - lead) * 1000, () => {
      let left = lead;
      setWarning(left);
      countdown = setInterval(() => {
        left -= 1;
        if (left > 0) setWarning(left);
        else {
          stopCountdown();
          setWarning(undefined);
          reset.current();
        }
      }, 1000);
    });
    const poke = () => {
      stopCountdown();
      setWarning(undefined);
      timer.poke();
    };
    timer.poke();
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, poke, { passive: true, capture: true });
    return () => {
      timer.stop();
      stopCountdown();
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, poke, { capture: true });
    };
  }, [armed, idleSeconds, lead, pokes]);

  return { warning, stay: () => setPokes((n) => n + 1) };
}
