import type { CaseClosed, JsonSchema } from '../api/types';
import { formatDate } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { Disclosure } from './disclosure';

type Write = (target: string, body: unknown, done: string) => Promise<void>;

const SEALED = '[skyddad]';

/** The API's reasons (CaseClosing), as the unit says them. */
const CLOSE_REASONS: Readonly<Record<string, string>> = {
  'self-supporting': 'Självförsörjande',
  moved: 'Flyttat från kommunen',
  'other-support': 'Annan ersättning, till exempel sjukersättning',
  'no-longer-applies': 'Söker inte längre ekonomiskt bistånd',
  other: 'Annat skäl',
};

const CLOSE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      title: 'Skäl',
      enum: Object.keys(CLOSE_REASONS),
      'x-enumLabels': CLOSE_REASONS,
    },
    note: {
      type: 'string',
      title: 'Kommentar',
      description: 'Måste fyllas i när skälet är Annat skäl.',
      maxLength: 4000,
    },
  },
};

const REOPEN_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['note'],
  properties: {
    note: { type: 'string', title: 'Varför öppnas ärendet igen?', maxLength: 4000 },
  },
};

/**
 * Closing the case, offered only when no process runs: the server refuses
 * it otherwise, so the user is told what to do first instead of a form
 * that cannot succeed.
 */
export function CloseCase({ running, write }: { readonly running: boolean; readonly write: Write }) {
  if (running) return <p>Ärendet kan avslutas när ingen process pågår. Avsluta pågående processer först.</p>;
  return (
    <Disclosure label="Avsluta ärendet">
      {(close) => (
        <>
          <p>
            Ett avslutat ärende tar inte emot nya processer förrän det öppnas igen. Anteckningar, handlingar
            och historik finns kvar.
          </p>
          <SchemaForm
            schema={CLOSE_SCHEMA}
            submitLabel="Avsluta ärendet"
            failedHeading="Ärendet kunde inte avslutas."
            onCancel={close}
            onSubmit={async (values) => {
              await write('close', values, 'Ärendet är avslutat.');
              close(false);
            }}
          />
        </>
      )}
    </Disclosure>
  );
}

/** At the top of a closed case: when and why it was closed, and opening it again for those who may. */
export function ClosedNotice({
  closed,
  write,
}: {
  readonly closed: CaseClosed;
  /** Absent for those whose roles do not reopen cases. */
  readonly write?: Write;
}) {
  return (
    <section className="notice closed-case" aria-labelledby="avslutat">
      <h2 id="avslutat">
        Ärendet är avslutat {formatDate(closed.at)}: {closed.label}
      </h2>
      {closed.note === SEALED ? (
        <p>Kommentaren är skyddad och visas inte här.</p>
      ) : (
        closed.note && <p className="prewrap">Kommentar: {closed.note}</p>
      )}
      {write && (
        <Disclosure label="Öppna ärendet igen">
          {(close) => (
            <SchemaForm
              schema={REOPEN_SCHEMA}
              submitLabel="Öppna ärendet igen"
              failedHeading="Ärendet kunde inte öppnas igen."
              onCancel={close}
              onSubmit={async (values) => {
                await write('reopen', values, 'Ärendet är öppnat igen.');
                close(false);
              }}
            />
          )}
        </Disclosure>
      )}
    </section>
  );
}
