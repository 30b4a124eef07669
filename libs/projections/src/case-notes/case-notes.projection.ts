import { CASE_EVENTS } from '@app/engine';
import {
  CaseNoteRecorded,
  DocumentReferenced,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';

/**
 * The case's notes and its references to handlings in the journal system,
 * newest day first, with who wrote each: the texts and ids as stored,
 * sealed, until an answer to someone allowed to see the case opens them.
 * Erased with the case by its key: the rows stay, and open to nothing.
 */
class CaseNotesProjection implements Projection {
  readonly handles = [CaseNoteRecorded, DocumentReferenced];
  readonly name = 'caseNotes';
  readonly tables = [
    {
      name: 'cn_entries',
      ddl: [
        `CREATE TABLE cn_entries (
           event_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, day TEXT NOT NULL,
           recorded_at TEXT NOT NULL, author_id TEXT, text TEXT, document_kind TEXT, document_id TEXT)`,
        'CREATE INDEX cn_entries_case ON cn_entries (case_id, day, recorded_at)',
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { data } = message;
    const note = message.event.type === CASE_EVENTS.noteRecorded;
    db.run(
      `INSERT OR IGNORE INTO cn_entries (event_id, case_id, kind, day, recorded_at, author_id, text, document_kind,
         document_id)
       VALUES (:eventId, :caseId, :kind, :day, :at, :author, :text, :documentKind, :documentId)`,
      {
        eventId: message.event.id,
        caseId: message.caseId,
        kind: note ? 'note' : 'document',
        day: note ? data.writtenOn : data.dated,
        at: message.occurredAt,
        author: message.event.metadata.actorId ?? null,
        text: (note ? data.text : data.comment) ?? null,
        documentKind: note ? null : data.kind,
        documentId: note ? null : data.documentId,
      },
    );
  }
}

export const caseNotesProjection: ProjectionFactory = () => new CaseNotesProjection();
