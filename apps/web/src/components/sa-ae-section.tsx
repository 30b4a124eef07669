import type { CaseView, JsonSchema, NextSteps } from '../api/types';
import { formatDate } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { Disclosure } from './disclosure';

const ACTION_PATHS: Readonly<Record<string, { path: string; done: string; submit: string }>> = {
  RecordSaAeApplication: { path: 'sa-ae', done: 'Ansökan är registrerad.', submit: 'Registrera ansökan' },
  RecordSaAeDecision: {
    path: 'sa-ae/decision',
    done: 'Beslutet är registrerat.',
    submit: 'Registrera beslutet',
  },
};

/**
 * An application for sjukersättning or aktivitetsersättning: while it waits
 * for Försäkringskassan, Rehabansvarig keeps follow-up in samverkan.
 */
export function SaAeSection({
  saAe,
  actions,
  write,
}: {
  readonly saAe: CaseView['saAe'];
  readonly actions: NextSteps['caseActions'];
  readonly write: (path: string, body: unknown, done: string) => Promise<void>;
}) {
  const offered = actions.filter((action) => action.command in ACTION_PATHS && action.schema);
  return (
    <section aria-labelledby="sa-ae">
      <h2 id="sa-ae">Sjukersättning och aktivitetsersättning</h2>
      {saAe.open ? (
        <p>
          Ansökan om {saAe.open.label.toLowerCase()} lämnades in {formatDate(saAe.open.appliedOn)} och väntar
          på Försäkringskassans beslut. Rehabansvarig behåller uppföljningen i samverkan med vården så länge.
        </p>
      ) : (
        <p>Ingen ansökan väntar på beslut.</p>
      )}
      {saAe.lastDecision && (
        <p>
          Senaste beslut: {saAe.lastDecision.label} ({formatDate(saAe.lastDecision.decidedOn)}).
        </p>
      )}
      {offered.map((action) => {
        const target = ACTION_PATHS[action.command];
        return (
          <Disclosure key={action.command} label={action.label}>
            {(close) => (
              <SchemaForm
                schema={action.schema as JsonSchema}
                submitLabel={target.submit}
                onCancel={close}
                onSubmit={async (values) => {
                  await write(target.path, values, target.done);
                  close(false);
                }}
              />
            )}
          </Disclosure>
        );
      })}
    </section>
  );
}
