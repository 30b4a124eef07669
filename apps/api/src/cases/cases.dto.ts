import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { PartialType } from '@nestjs/swagger';
import {
  CaseworkerChange,
  ContactChange,
  Day,
  ERASURE_REASONS,
  NoPersonnummer,
  StepWait,
  type ErasureReason,
} from '@app/engine';
import { MAX_LIMIT } from '@app/read-model';
import { CASE_LIST_SORTS, type CaseListSort } from '@app/projections';
import { PageDto, QueryInt } from '../http/paging.dto';
import { BooleanQuery } from '../http/query-booleans';
import { IsId, IsStatePath, IsTimestamp } from '../http/ids';

export const CASE_STATUSES = ['open', 'closed', 'all'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * No `caseId`: the server chooses case ids (from the caller and their
 * Idempotency-Key), so no answer can tell whether an id exists in another
 * unit (docs/adr/0013-disclosure-and-server-chosen-ids.md).
 */
export class OpenCaseDto {
  /** Pseudonym as the unit uses it: initials and birth year and month, never a name or personnummer. */
  @Matches(/^[A-ZÅÄÖ]{1,3} ?\d{4}(-\d{2})?$/, {
    message: 'reference must be initials and birth year (and month), e.g. "AB 1963-04"; never a name',
  })
  reference!: string;

  /** Reference into the journal system, if the unit wants it linked. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:/-]{1,64}$/, { message: 'journalRef must be 1-64 letters, digits or . _ : / -' })
  @NoPersonnummer()
  journalRef?: string;

  @IsId()
  unit!: string;

  /** The responsible social worker's user id. */
  @IsId()
  socialWorkerId!: string;
}

/** Who takes over, and what the change records beside (reason, the client told, the hand-over summary). */
export class ChangeCaseworkerDto extends CaseworkerChange {
  @IsId()
  socialWorkerId!: string;
}

/** The change as the engine validates it, without who takes over. */
export const changeOf = ({
  socialWorkerId: _to,
  ...change
}: ChangeCaseworkerDto): Record<string, unknown> => ({
  ...change,
});

export class EraseCaseDto {
  @IsIn(ERASURE_REASONS, { message: `reason must be one of: ${ERASURE_REASONS.join(', ')}` })
  reason!: ErasureReason;

  /** The decision's diary number, e.g. SN 2026/0412; stays readable after erasure, so it names no one. */
  @IsString()
  @Matches(/^[A-ZÅÄÖ]{1,8}[ -]?\d{2,4}[/:.-]\d{1,6}$/, {
    message: 'decision must be the diary number of the decision, e.g. SN 2026/0412',
  })
  @NoPersonnummer()
  decision!: string;
}

export class StartProcessDto {
  /** One of the registered processes (GET /api/processes); checked against the registry. */
  @IsId()
  definitionId!: string;

  /** Optional; derived from the Idempotency-Key (or random) when absent. */
  @IsOptional()
  @IsId()
  instanceId?: string;
}

export class SendEventDto {
  /** The step's event type, as listed by next-steps (e.g. "ImpulsRegistered"). */
  @Matches(/^[A-Z][A-Za-z0-9]{0,63}$/, { message: 'event must be an event type such as ImpulsRegistered' })
  event!: string;

  /** The step's data; its JSON Schema is in next-steps. Validated by the process definition. */
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class ListCasesDto extends PageDto {
  @IsOptional()
  @IsId()
  unit?: string;

  @IsOptional()
  @IsId()
  socialWorkerId?: string;

  @IsOptional()
  @IsId()
  process?: string;

  /** A state path such as `uppfoljning` or `uppfoljning.atgarder.escalated`. */
  @IsOptional()
  @IsStatePath('state')
  state?: string;

  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  /**
   * A reference, a journal reference, or the beginning of either ("AB 63");
   * or a social worker's name. Case, spaces and punctuation do not matter.
   */
  @IsOptional()
  @IsString({ message: 'search must be text' })
  @MaxLength(64, { message: 'search must be at most 64 characters' })
  search?: string;

  /** The order: `updated` (most recently changed, the default), `opened`, `due` (nearest deadline) or `socialWorker`. */
  @IsOptional()
  @IsIn(CASE_LIST_SORTS, { message: `sort must be one of: ${CASE_LIST_SORTS.join(', ')}` })
  sort?: CaseListSort;

  /** Cases whose latest BIP phase is this one; 0 finds the cases with no intervention. */
  @IsOptional()
  @Type(() => Number)
  @IsIn([0, 1, 2, 3, 4], { message: 'bipPhase must be one of: 0, 1, 2, 3, 4' })
  bipPhase?: number;

  /** `open` (the default), `closed` or `all`; a search looks through all unless told otherwise. */
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;
}

export class AsOfDto {
  /** RFC 3339 instant, e.g. 2026-03-01T00:00:00Z. */
  @IsDefined({ message: 'at is required: an RFC 3339 timestamp such as 2026-03-01T00:00:00Z' })
  @IsTimestamp()
  at!: string;
}

export const HISTORY_PAGE = 100;

/** What a reader narrows a case's history to; every filter given must match. */
export class HistoryFilterDto {
  /** One process, by its id (`rehab-handledning`): its steps, deadlines and start and end. */
  @IsOptional()
  @IsId()
  process?: string;

  /** One process instance: what its steps recorded, for the case view. */
  @IsOptional()
  @IsId()
  instance?: string;

  /** One kind of event, by its type (`ImpulsRegistered`, `CaseworkerChanged`). */
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z0-9]{0,63}$/, { message: 'type must be an event type such as ImpulsRegistered' })
  type?: string;

  /** What one person did, by their user id. */
  @IsOptional()
  @IsId()
  actor?: string;

  /** From this day on (YYYY-MM-DD, Swedish time), inclusive. */
  @IsOptional()
  @Day()
  from?: string;

  /** Up to and including this day (YYYY-MM-DD, Swedish time); not before `from`. */
  @IsOptional()
  @Day()
  to?: string;
}

export const HISTORY_EXPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type HistoryExportFormat = (typeof HISTORY_EXPORT_FORMATS)[number];

/** The whole (filtered) history at once, as JSON, CSV or PDF. */
export class HistoryExportDto extends HistoryFilterDto {
  @IsOptional()
  @IsIn(HISTORY_EXPORT_FORMATS, { message: `format must be one of: ${HISTORY_EXPORT_FORMATS.join(', ')}` })
  format?: HistoryExportFormat;
}

export class HistoryPageDto extends HistoryFilterDto {
  /** The previous page's `next`: entries after this revision (default: from the first). */
  @IsOptional()
  @QueryInt(0, 2_147_483_647)
  after?: number;

  /** At most this many entries (default 100, at most 500). */
  @IsOptional()
  @QueryInt(1, MAX_LIMIT)
  limit?: number;
}

/**
 * Who is the case's Rehabansvarig; when another already is, the change's
 * reason, whether the client knows and the hand-over (ContactChange), which
 * the engine then requires.
 */
export class AssignRehabansvarigDto extends PartialType(ContactChange) {
  @IsId()
  rehabansvarigId!: string;
}

/** The change as the engine validates it, without who takes over. */
export const contactChangeOf = ({
  rehabansvarigId: _to,
  ...change
}: AssignRehabansvarigDto): Record<string, unknown> => ({ ...change });

/** Why the step waits, as the engine validates it; its own name, apart from the statistics' step-wait rows. */
export class RecordStepWaitDto extends StepWait {}
