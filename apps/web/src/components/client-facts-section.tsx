import type { CaseView, JsonSchema, NextSteps } from '../api/types';
import { formatDate } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { Disclosure } from './disclosure';

/**
 * What the statistics of insatser count about the client (kön, age band,
 * aktuell på bistånd, reason, target group): shown as recorded, and
 * recorded again when it changes, starting from what is there.
 */
export function ClientFactsSection({
  facts,
  actions,
  write,
}: {
  readonly facts: CaseView['clientFacts'];
  readonly actions: NextSteps['caseActions'];
  readonly write: (path: string, body: unknown, done: string) => Promise<void>;
}) {
  const action = actions.find((a) => a.command === 'RecordClientFacts' && a.schema);
  if (!facts && !action) return null;
  return (
    <section aria-labelledby="statistikuppgifter">
      <h2 id="statistikuppgifter">Uppgifter för statistik</h2>
      {facts ? (
        <dl className="facts">
          <div>
            <dt>Kön</dt>
            <dd>{facts.labels.kon}</dd>
          </div>
          <div>
            <dt>Åldersgrupp</dt>
            <dd>{facts.labels.ageBand}</dd>
          </div>
          <div>
            <dt>Aktuell på ekonomiskt bistånd sedan</dt>
            <dd>{formatDate(facts.aktuellSedan)}</dd>
          </div>
          <div>
            <dt>Huvudsaklig orsak till bistånd</dt>
            <dd>{facts.labels.reasonCode}</dd>
          </div>
          <div>
            <dt>Målgrupp</dt>
            <dd>{facts.labels.targetGroup}</dd>
          </div>
          <div>
            <dt>Registrerat</dt>
            <dd>{formatDate(facts.recordedAt)}</dd>
          </div>
        </dl>
      ) : (
        <p>Inga uppgifter registrerade. De används bara i statistiken, aldrig för att peka ut klienten.</p>
      )}
      {action && (
        <Disclosure label={action.label}>
          {(close) => (
            <SchemaForm
              schema={action.schema as JsonSchema}
              submitLabel="Spara uppgifterna"
              initial={facts ?? undefined}
              onCancel={close}
              onSubmit={async (values) => {
                await write('client-facts', values, 'Uppgifterna för statistik är sparade.');
                close(false);
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}
