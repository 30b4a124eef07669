import { serverNow } from '../api/client';
import { Disclosure } from './disclosure';
import { SchemaForm } from '../forms/schema-form';
import { REFERRAL_STEPS, referralError, type ReferralProcess } from './referral-process';

/** Today on the Swedish calendar by the server's clock, which is the one a decision date is checked against. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(serverNow());

/**
 * The steps the referral's answer says the reader may take now (begär
 * komplettering, registrera beslut, återsänd), each a form from the
 * process's own schema, so its labels and choices are the process's.
 */
export function ReferralActions({
  actions,
  process,
  onStep,
}: {
  readonly actions: readonly string[];
  readonly process: ReferralProcess;
  readonly onStep: (action: string, body: Record<string, unknown>) => Promise<void>;
}) {
  const offered = actions.flatMap((action) => {
    const known = REFERRAL_STEPS[action];
    const step = known && process.step(known.event);
    return step ? [{ action, ...step }] : [];
  });
  if (offered.length === 0) return <p>Inget för dina roller just nu.</p>;
  return (
    <>
      {offered.map(({ action, label, schema }) => (
        <Disclosure key={action} label={label}>
          {(close) => (
            <SchemaForm
              schema={schema}
              submitLabel={label}
              // A decision is most often recorded the day it is made.
              initial={action === 'decide' ? { decidedOn: today() } : undefined}
              explainError={referralError}
              onCancel={close}
              onSubmit={async (body) => {
                await onStep(action, body);
                close(false);
              }}
            />
          )}
        </Disclosure>
      ))}
    </>
  );
}
