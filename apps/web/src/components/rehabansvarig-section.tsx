import type { CaseView, JsonSchema, NextSteps } from '../api/types';
import { formatDate } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { Disclosure } from './disclosure';

/**
 * Who is the case's Rehabansvarig, chosen from the unit's by name; a change
 * to another carries the reason and a hand-over the new one reads here.
 */
export function RehabansvarigSection({
  view,
  actions,
  write,
}: {
  readonly view: CaseView;
  readonly actions: NextSteps['caseActions'];
  readonly write: (path: string, body: unknown, done: string) => Promise<void>;
}) {
  const action = actions.find((a) => a.command === 'AssignRehabansvarig' && a.schema);
  const change = view.lastRehabansvarigChange;
  // Those who may choose get the unit's Rehabansvariga by name; anyone else reads the id.
  const names =
    (action?.schema as JsonSchema | undefined)?.properties?.rehabansvarigId?.['x-enumLabels'] ?? {};
  const nameOf = (id: string) => names[id] ?? id;
  return (
    <section aria-labelledby="rehabansvarig">
      <h2 id="rehabansvarig">Rehabansvarig</h2>
      <p>
        {view.rehabansvarigId
          ? `Rehabansvarig för ärendet: ${nameOf(view.rehabansvarigId)}.`
          : 'Ingen Rehabansvarig är angiven.'}
      </p>
      {change && (
        <div className="last-change">
          <p>
            Bytt {formatDate(change.at)} från {change.from ? nameOf(change.from) : '–'}: {change.reasonLabel}
            {typeof change.reasonNote === 'string' && ` (${change.reasonNote})`}.{' '}
            {change.clientInformed
              ? 'Klienten vet vem den nya kontakten är.'
              : 'Klienten har inte fått veta ännu.'}
          </p>
          {typeof change.handover === 'string' && (
            <p>
              <strong>Överlämning:</strong> {change.handover}
            </p>
          )}
        </div>
      )}
      {action && (
        <Disclosure label={action.label}>
          {(close) => (
            <SchemaForm
              schema={action.schema as JsonSchema}
              submitLabel={action.label}
              onCancel={close}
              onSubmit={async (values) => {
                await write('rehabansvarig', values, 'Rehabansvarig är registrerad.');
                close(false);
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}
