import { useEffect, useId, useRef, useState } from 'react';
import type { NextSteps } from '../api/types';

/**
 * The processes the case may start, each asked about first: a started
 * process stays in the case and its history, so a slip of the mouse must
 * not start one. The question opens below its button, takes focus, and
 * Avbryt or Escape gives focus back to the button.
 */
export function StartProcess({
  startable,
  onStart,
}: {
  startable: NextSteps['startable'];
  onStart: (definitionId: string, title: string) => Promise<void>;
}) {
  const id = useId();
  const [asked, setAsked] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (asked) confirm.current?.focus();
  }, [asked]);
  if (startable.length === 0) return null;
  const cancel = () => {
    const opener = asked && openers.current.get(asked);
    setAsked(null);
    if (opener) requestAnimationFrame(() => opener.focus());
  };
  return (
    <div className="start-process">
      <h3>Starta en process</h3>
      <ul className="plain">
        {startable.map((process) => {
          const blocked = process.blockedBy.length > 0;
          const reasonId = `blocked-${process.definitionId}`;
          const questionId = `${id}-${process.definitionId}`;
          return (
            <li key={process.definitionId}>
              <button
                type="button"
                ref={(button) => void (button && openers.current.set(process.definitionId, button))}
                disabled={blocked}
                aria-describedby={blocked ? reasonId : undefined}
                aria-expanded={asked === process.definitionId}
                onClick={() => setAsked(asked === process.definitionId ? null : process.definitionId)}
              >
                {process.label}
              </button>
              {blocked && (
                <span id={reasonId} className="muted">
                  {' '}
                  {process.blockedBy.map((b) => b.message).join(' ')}
                </span>
              )}
              {asked === process.definitionId && (
                <div
                  role="group"
                  aria-labelledby={questionId}
                  className="notice"
                  onKeyDown={(event) => event.key === 'Escape' && cancel()}
                >
                  <p id={questionId}>Vill du starta processen ”{process.process}” i ärendet?</p>
                  <div className="form-actions">
                    <button
                      ref={confirm}
                      type="button"
                      className="primary"
                      onClick={() => {
                        setAsked(null);
                        void onStart(process.definitionId, process.process);
                      }}
                    >
                      Starta
                    </button>
                    <button type="button" onClick={cancel}>
                      Avbryt
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
