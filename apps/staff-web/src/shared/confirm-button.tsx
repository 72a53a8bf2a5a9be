import { useEffect, useState } from 'react';
import { CONFIRM_TIMING, pressConfirm, type ConfirmState } from './confirm-step.ts';

/**
 * A button for an action that cannot be undone: the first press turns it into the question and "press
 * again to confirm", the second press (within a few seconds) does it. Keyboard: Enter or Space twice;
 * Escape or Tab away takes the question back. Screen readers hear the question (a status region).
 */
export function ConfirmButton(p: {
  className?: string;
  disabled?: boolean;
  label: string;
  /** The question shown while armed, e.g. "Cancel ticket KS001?". */
  question: string;
  pressAgain: string;
  onConfirm: () => void;
}) {
  const [armedAt, setArmedAt] = useState<ConfirmState>(null);
  useEffect(() => {
    if (armedAt === null) return;
    const t = setTimeout(() => setArmedAt(null), CONFIRM_TIMING.windowMs);
    return () => clearTimeout(t);
  }, [armedAt]);
  const armed = armedAt !== null;
  return (
    <>
      <button
        type="button"
        className={`${p.className ?? ''}${armed ? ' armed' : ''}`}
        disabled={p.disabled}
        data-armed={armed}
        onClick={() => {
          const next = pressConfirm(armedAt, Date.now());
          setArmedAt(next.armedAt);
          if (next.run) p.onConfirm();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setArmedAt(null);
        }}
        onBlur={() => setArmedAt(null)}
      >
        {armed ? (
          <>
            <span className="question">{p.question}</span>
            <small className="press-again">{p.pressAgain}</small>
          </>
        ) : (
          p.label
        )}
      </button>
      <span role="status" className="visually-hidden">
        {armed ? `${p.question} ${p.pressAgain}` : ''}
      </span>
    </>
  );
}
