import type { Placement } from './api/types';

/**
 * The BIP fas a client's running placements suggest (toolbox.md, Bilaga 7;
 * insatser.md, BIP type): any running insats is fas 1, one that is
 * job-focused makes it fas 2–3. Only a suggestion: Rehabansvarig still
 * records the fas at the follow-up.
 */
export function bipSuggestion(placements: readonly Placement[]): string | undefined {
  const running = placements.filter((p) => p.phase === 'pagar' && p.insats);
  if (running.length === 0) return undefined;
  const jobFocused = running.filter((p) => p.insats?.bipType === 'jobbfokuserande');
  return jobFocused.length > 0
    ? `Fas 2–3: ${jobFocused.map((p) => p.insats?.name).join(', ')} är jobbfokuserande.`
    : `Fas 1: klienten har insatser, men ingen jobbfokuserande.`;
}
