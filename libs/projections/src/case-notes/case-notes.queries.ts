import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DOCUMENT_KINDS, personal, type PersonalValue } from '@app/engine';
import { ReadModelDb } from '@app/read-model';

/** A note or a reference to a handling, as the case view lists them. */
export interface CaseNoteEntry {
  readonly caseId: string;
  readonly kind: 'note' | 'document';
  /** The day the note concerns, or the handling's date. */
  readonly day: string;
  readonly recordedAt: string;
  readonly author: { readonly id: string | null; readonly name: string | null };
  /** The note, or the comment on the handling. */
  readonly text: PersonalValue | null;
  readonly document: {
    readonly kind: string;
    readonly kindLabel: string;
    readonly documentId: PersonalValue | null;
  } | null;
}

export class CaseNotesQuery extends Query<CaseNoteEntry[]> {
  constructor(readonly caseId: string) {
    super();
  }
}

interface Row {
  case_id: string;
  kind: 'note' | 'document';
  day: string;
  recorded_at: string;
  author_id: string | null;
  author_name: string | null;
  text: string | null;
  document_kind: string | null;
  document_id: string | null;
}

@QueryHandler(CaseNotesQuery)
export class CaseNotesHandler implements IQueryHandler<CaseNotesQuery> {
  constructor(private readonly db: ReadModelDb) {}

  execute({ caseId }: CaseNotesQuery): Promise<CaseNoteEntry[]> {
    return Promise.resolve(
      this.db
        .all<Row>(
          `SELECT e.*, (SELECT max(m.name) FROM sf_members m WHERE m.user_id = e.author_id) AS author_name
           FROM cn_entries e WHERE e.case_id = :caseId ORDER BY e.day DESC, e.recorded_at DESC`,
          { caseId },
        )
        .map((row) => ({
          caseId: row.case_id,
          kind: row.kind,
          day: row.day,
          recordedAt: row.recorded_at,
          author: { id: row.author_id, name: row.author_name },
          text: personal(row.case_id, row.text),
          document:
            row.kind === 'document'
              ? {
                  kind: String(row.document_kind),
                  kindLabel:
                    DOCUMENT_KINDS[row.document_kind as keyof typeof DOCUMENT_KINDS] ??
                    String(row.document_kind),
                  documentId: personal(row.case_id, row.document_id),
                }
              : null,
        })),
    );
  }
}
