import type { ReactNode, Ref } from 'react';

/**
 * The box a table scrolls sideways in on a narrow screen, so a phone
 * reaches every column instead of losing the last ones. A box that scrolls
 * must take focus and have a name, or a keyboard could not scroll it (axe
 * scrollable-region-focusable).
 */
export function TableRegion({
  label,
  regionRef,
  children,
}: {
  label: string;
  regionRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label} ref={regionRef}>
      {children}
    </div>
  );
}
