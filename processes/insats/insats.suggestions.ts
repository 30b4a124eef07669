import { sealedPart } from '@app/engine';

type Context = Readonly<Record<string, unknown>>;
type Earlier = (instanceId: string) => Context | undefined;

/** Only what is there: an empty suggestion is none, so the form starts as it always did. */
function present(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const given = Object.entries(values).filter(([, value]) => value !== undefined);
  return given.length === 0 ? undefined : Object.fromEntries(given);
}

const continued = (context: Context, earlier: Earlier) =>
  typeof context.continuesFrom === 'string' ? earlier(context.continuesFrom) : undefined;

/**
 * A new anvisning after a decline, or of the placement that follows one
 * closed to "annan insats": the beslut and utredning it rested on, which
 * usually still hold.
 */
export function suggestAssignment(context: Context, earlier: Earlier) {
  const before = continued(context, earlier);
  return present({
    decision: context.decision ?? before?.decision,
    utredning: context.utredning ?? before?.utredning,
    origin: typeof context.referredBy === 'string' ? 'aktualisering' : undefined,
  });
}

/** The next placement starts from the plan and scope of the one it continues (insatser.md, Closure). */
export function suggestStart(context: Context, earlier: Earlier) {
  const before = continued(context, earlier);
  return before && present({ plan: before.plan, scope: before.scope });
}

/** The arbetsplan's mål and delmål, each a row of the follow-up to give a status. */
function goalsOf(plan: unknown): unknown {
  if (plan === null || typeof plan !== 'object') return undefined;
  const { mal, delmal } = plan as { mal?: unknown; delmal?: unknown };
  const goals = [mal, ...(Array.isArray(delmal) ? delmal : [])].filter(
    (goal): goal is string => typeof goal === 'string' && goal.trim() !== '',
  );
  return goals.map((goal) => ({ goal }));
}

/**
 * The follow-up "rests on the mål and delmål set when the insats began" and
 * holds the närvaro [004]: the goals from the plan, and the hours the
 * arbetsledare reported since the last follow-up.
 */
export function suggestFollowUp(context: Context) {
  const reported = Number(context.reportedPlannedHours) > 0 || Number(context.reportedAttendedHours) > 0;
  return present({
    goals: sealedPart(context.plan, goalsOf),
    attendance: reported
      ? { plannedHours: context.reportedPlannedHours, attendedHours: context.reportedAttendedHours }
      : undefined,
  });
}
