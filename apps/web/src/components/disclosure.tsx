import { useRef, useState, type ReactNode } from 'react';

/** A button that opens its form below it, and returns focus to the button when the form closes. */
export function Disclosure({
  label,
  children,
}: {
  label: string;
  children: (close: (returnFocus?: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <div className="disclosure">
      <button ref={button} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open && <div className="disclosure-body">{children(close)}</div>}
    </div>
  );
}
