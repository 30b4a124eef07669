import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A button that opens its form below it, and returns focus to the button when the form closes. */
export function Disclosure({
  label,
  children,
  initiallyOpen = false,
  onToggle,
  openedForUser = false,
}: {
  label: string;
  children: (close: (returnFocus?: boolean) => void) => ReactNode;
  /** Open from the start, when the user asked for this very form elsewhere on the page. */
  initiallyOpen?: boolean;
  /** Told when the form opens or closes, for a view that keeps an open form when its step goes away. */
  onToggle?: (open: boolean) => void;
  /**
   * Opened for the user rather than by them (the one step they can take):
   * it counts as open, to be kept, only once they type or choose in it.
   */
  openedForUser?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [touched, setTouched] = useState(!openedForUser);
  const button = useRef<HTMLButtonElement>(null);
  const toggle = useRef(onToggle);
  toggle.current = onToggle;
  useEffect(() => toggle.current?.(open && touched), [open, touched]);
  // Leaving the page (another case opened) closes the form, whatever it showed.
  useEffect(() => () => toggle.current?.(false), []);
  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <div className="disclosure">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        onClick={() => {
          setTouched(true);
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <div className="disclosure-body" onInput={() => setTouched(true)} onChange={() => setTouched(true)}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
