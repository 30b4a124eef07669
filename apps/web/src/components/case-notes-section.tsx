import { api, describeError } from '../api/client';
import type { CaseNotes, JsonSchema, NextSteps } from '../api/types';
import { formatDate } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { useResource } from '../use-resource';
import { Disclosure } from './disclosure';

const FORMS = {
  RecordCaseNote: { path: 'notes', submit: 'Spara anteckningen', done: 'Anteckningen är sparad.' },
  RecordDocumentReference: {
    path: 'documents',
    submit: 'Spara hänvisningen',
    done: 'Hänvisningen till handlingen är sparad.',
  },
} as const;

/**
 * The case's notes, journalanteckning-style, and where its handlings are
 * kept in the journal system, newest day first. Never edited: a later note
 * corrects an earlier one, so the form says so.
 */
export function CaseNotesSection({
  caseId,
  actions,
  write,
}: {
  readonly caseId: string;
  readonly actions: NextSteps['caseActions'];
  readonly write: (path: string, body: unknown, done: string) => Promise<void>;
}) {
  const notes = useResource(
    (signal) => api<CaseNotes>(`/api/cases/${encodeURIComponent(caseId)}/notes`, { signal }),
    [caseId],
    caseId,
  );
  const offered = actions.filter((a) => a.command in FORMS && a.schema);
  const items = notes.data?.items ?? [];
  return (
    <section aria-labelledby="anteckningar">
      <h2 id="anteckningar">Anteckningar och handlingar</h2>
      {notes.error !== undefined && <p role="alert">{describeError(notes.error)}</p>}
      {items.length === 0 ? (
        <p>Inga anteckningar eller handlingar ännu.</p>
      ) : (
        <ol className="case-notes">
          {items.map((item) => (
            <li key={`${item.recordedAt}-${item.kind}-${item.day}`}>
              <p className="case-note-head">
                <strong>{formatDate(item.day)}</strong>{' '}
                {item.document ? `· Handling: ${item.document.kindLabel}` : '· Anteckning'} ·{' '}
                {item.author.name ?? item.author.id ?? 'okänd'}
              </p>
              {item.document && <p>Id i dokumenthanteringen: {item.document.documentId ?? '–'}</p>}
              {item.text && <p className="case-note-text">{item.text}</p>}
            </li>
          ))}
        </ol>
      )}
      {offered.map((action) => {
        const form = FORMS[action.command as keyof typeof FORMS];
        return (
          <Disclosure key={action.command} label={action.label}>
            {(close) => (
              <SchemaForm
                schema={action.schema as JsonSchema}
                submitLabel={form.submit}
                onCancel={close}
                onSubmit={async (values) => {
                  await write(form.path, values, form.done);
                  notes.reload();
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
