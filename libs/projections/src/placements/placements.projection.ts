import { createHash } from 'node:crypto';
import { CASE_EVENTS, type InsatsSnapshot } from '@app/engine';
import {
  CaseErased,
  ClientFactsRecorded,
  DeadlineReached,
  DeadlineScheduled,
  ProcessCompleted,
  ProcessEnded,
  ProcessStarted,
  ProcessStepRecorded,
  type Projection,
  type ProjectionFactory,
  type ReadModelDb,
  type StoredEventMessage,
} from '@app/read-model';
import { readyForJobbtorgResurs } from '@app/insatser/domain/placement-terms';
import { calendarDayOf } from '@app/workflow';
import { caseFacts } from '../case-directory';
import { placementTalliesTable, placementTallyTriggers } from './placement-tallies';
import { participationTable, recordParticipation } from './participation';

/**
 * How the providing unit names a placement: neither the case id nor the
 * instance id (which a client may choose, so it need not be unique), but a
 * digest of both, from which neither can be recovered.
 */
export const placementIdOf = (caseId: string, instanceId: string) =>
  createHash('sha256').update(`${caseId}/${instanceId}`).digest('hex').slice(0, 24);

/** The placement process (processes/insats); its instances are the only ones this read model keeps. */
export const PLACEMENT_PROCESS = 'insats';
/** The deadlines that say when the next follow-up is due; the flag's is not one of them. */
const FOLLOW_UP_DEADLINES = new Set(['firstFollowUp', 'nextFollowUp', 'agreedFollowUp']);

/** The step a placement is at, from its machine state: the top state, and the follow-up's inside `pagar`. */
function phaseOf(state: unknown): { phase: string; followUp: string | null } {
  if (typeof state === 'string') return { phase: state, followUp: null };
  const [phase, inner] = Object.entries((state ?? {}) as Record<string, unknown>)[0] ?? ['', null];
  return { phase, followUp: typeof inner === 'string' ? inner : null };
}

/**
 * Every placement with its insats, where it stands, and when its next
 * follow-up is due: the occupancy of each insats (never typed, always
 * counted from here), its waiting list in order, and the lists of due and
 * overdue follow-ups. Each follow-up held (on time or not) and each unmet
 * need are kept beside them, and triggers on all three keep the tallies
 * the statistics read (ADR 0036).
 */
class PlacementsProjection implements Projection {
  readonly handles = [
    ProcessStarted,
    ProcessStepRecorded,
    DeadlineScheduled,
    DeadlineReached,
    ProcessCompleted,
    ProcessEnded,
    ClientFactsRecorded,
    CaseErased,
  ];
  readonly name = 'placements';
  readonly tables = [
    placementTalliesTable,
    {
      // The case's latest facts for the statistics, for a placement started after they were recorded.
      name: 'pl_case_facts',
      ddl: [
        'CREATE TABLE pl_case_facts (case_id TEXT PRIMARY KEY, aktuell_sedan TEXT NOT NULL, kon TEXT, age_band TEXT)',
      ],
    },
    {
      ...participationTable,
      ddl: [...participationTable.ddl, ...placementTallyTriggers('pl_participation')],
    },
    {
      name: 'pl_placements',
      ddl: [
        `CREATE TABLE pl_placements (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, phase TEXT NOT NULL,
           follow_up TEXT, insats_id TEXT, insats_version INTEGER, insats_name TEXT, providing_unit TEXT,
           trappsteg TEXT, bip_type TEXT, price_sek INTEGER, price_period TEXT,
           decided_on TEXT, assigned_on TEXT, queued_at TEXT, started_on TEXT, ended_on TEXT, outcome TEXT,
           offered_on TEXT, follow_ups_held INTEGER NOT NULL DEFAULT 0,
           last_follow_up_on TEXT, follow_up_due_at TEXT,
           ready_for_jobbtorg_resurs INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL,
           accepted_on TEXT, scope_hours REAL, scope_per TEXT, plan TEXT, attendance_to TEXT,
           last_observation_on TEXT, placement_id TEXT NOT NULL,
           origin TEXT, plan_row INTEGER, continues_from TEXT, earlier_insats_name TEXT, earlier_follow_ups INTEGER NOT NULL DEFAULT 0,
           aktuell_sedan TEXT, PRIMARY KEY (case_id, instance_id))`,
        'CREATE INDEX pl_placements_insats ON pl_placements (insats_id, phase, queued_at)',
        // The providing unit's list and the billing basis between units.
        'CREATE INDEX pl_placements_providing ON pl_placements (providing_unit, assigned_on)',
        'CREATE INDEX pl_placements_placement ON pl_placements (placement_id)',
        // Also the order of a due list, and all its count reads: no row is fetched but the page's.
        'CREATE INDEX pl_placements_due ON pl_placements (unit, phase, follow_up_due_at, case_id, instance_id)',
        ...placementTallyTriggers('pl_placements'),
      ],
    },
    {
      name: 'pl_follow_ups',
      ddl: [
        `CREATE TABLE pl_follow_ups (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, held_on TEXT NOT NULL,
           on_time INTEGER NOT NULL)`,
        'CREATE INDEX pl_follow_ups_case ON pl_follow_ups (case_id)',
        ...placementTallyTriggers('pl_follow_ups'),
      ],
    },
    {
      name: 'pl_unmet_needs',
      ddl: [
        `CREATE TABLE pl_unmet_needs (
           case_id TEXT NOT NULL, instance_id TEXT NOT NULL, unit TEXT NOT NULL, category TEXT NOT NULL,
           recorded_on TEXT NOT NULL, PRIMARY KEY (case_id, instance_id))`,
        ...placementTallyTriggers('pl_unmet_needs'),
      ],
    },
  ];

  apply(db: ReadModelDb, message: StoredEventMessage): void {
    const { caseId, data } = message;
    if (message.event.type === CASE_EVENTS.erased) {
      db.run('DELETE FROM pl_placements WHERE case_id = :caseId', { caseId });
      db.run('DELETE FROM pl_unmet_needs WHERE case_id = :caseId', { caseId });
      db.run('DELETE FROM pl_follow_ups WHERE case_id = :caseId', { caseId });
      db.run('DELETE FROM pl_case_facts WHERE case_id = :caseId', { caseId });
      db.run('DELETE FROM pl_participation WHERE case_id = :caseId', { caseId });
      return;
    }
    if (message.event.type === CASE_EVENTS.clientFactsRecorded) {
      const facts = { caseId, aktuellSedan: data.aktuellSedan, kon: data.kon, ageBand: data.ageBand };
      db.run(
        `INSERT INTO pl_case_facts (case_id, aktuell_sedan, kon, age_band) VALUES (:caseId, :aktuellSedan, :kon, :ageBand)
         ON CONFLICT (case_id) DO UPDATE SET aktuell_sedan = excluded.aktuell_sedan, kon = excluded.kon,
           age_band = excluded.age_band`,
        facts,
      );
      db.run('UPDATE pl_placements SET aktuell_sedan = :aktuellSedan WHERE case_id = :caseId', facts);
      recordParticipation(db, caseId);
      return;
    }
    if (message.event.type === CASE_EVENTS.processStarted) {
      if (data.definitionId !== PLACEMENT_PROCESS) return;
      db.run(
        `INSERT INTO pl_placements (case_id, instance_id, unit, phase, started_at, placement_id, aktuell_sedan)
         VALUES (:caseId, :instanceId, :unit, 'anvisning', :at, :placementId,
           (SELECT aktuell_sedan FROM pl_case_facts WHERE case_id = :caseId))`,
        {
          caseId,
          instanceId: data.instanceId,
          unit: caseFacts(db, caseId).unit,
          at: message.occurredAt,
          placementId: placementIdOf(caseId, String(data.instanceId)),
        },
      );
      return;
    }
    if (message.instance?.definitionId !== PLACEMENT_PROCESS) return;
    const key = { caseId, instanceId: message.instance.instanceId };
    const { phase, followUp } =
      message.event.type === CASE_EVENTS.processEnded
        ? { phase: 'avbruten', followUp: null }
        : phaseOf(message.instance.stateAfter);
    db.run(
      'UPDATE pl_placements SET phase = :phase, follow_up = :followUp WHERE case_id = :caseId AND instance_id = :instanceId',
      { ...key, phase, followUp },
    );
    if (message.event.type === CASE_EVENTS.deadlineScheduled && FOLLOW_UP_DEADLINES.has(String(data.name)))
      db.run(
        'UPDATE pl_placements SET follow_up_due_at = :dueAt WHERE case_id = :caseId AND instance_id = :instanceId',
        { ...key, dueAt: data.dueAt },
      );
    if (
      message.event.type === CASE_EVENTS.processCompleted ||
      message.event.type === CASE_EVENTS.processEnded
    )
      db.run(
        'UPDATE pl_placements SET follow_up_due_at = NULL WHERE case_id = :caseId AND instance_id = :instanceId',
        key,
      );
    if (message.event.type === CASE_EVENTS.processEnded) {
      // Ended early while running (the client left the unit, say): the place is not used, nor paid for, after that day.
      db.run(
        `UPDATE pl_placements SET ended_on = max(started_on, :day)
         WHERE case_id = :caseId AND instance_id = :instanceId AND started_on IS NOT NULL AND ended_on IS NULL`,
        { ...key, day: calendarDayOf(message.occurredAt) },
      );
      recordParticipation(db, key.caseId);
    }
    if (message instanceof ProcessStepRecorded) this.step(db, message, key);
  }

  private step(db: ReadModelDb, message: StoredEventMessage, key: { caseId: string; instanceId: string }) {
    const payload = (message.data.payload ?? {}) as Record<string, unknown>;
    switch (message.event.type) {
      case 'PlacementAccepted':
      case 'PlacementAssigned': {
        const insats = payload.insats as InsatsSnapshot;
        db.run(
          `UPDATE pl_placements SET insats_id = :insatsId, insats_version = :version, insats_name = :name,
             providing_unit = :providingUnit, trappsteg = :trappsteg, bip_type = :bipType, price_sek = :priceSek,
             price_period = :pricePeriod,
             decided_on = coalesce(:decidedOn, decided_on), assigned_on = coalesce(:assignedOn, assigned_on),
             accepted_on = :acceptedOn, queued_at = CASE WHEN phase = 'ko' THEN :at ELSE NULL END,
             origin = coalesce(:origin, origin),
             plan_row = CASE WHEN :origin IS NULL THEN plan_row ELSE :planRow END
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          {
            ...key,
            insatsId: insats.insatsId,
            version: insats.version,
            name: insats.name,
            providingUnit: insats.providingUnit,
            trappsteg: insats.trappsteg,
            bipType: insats.bipType,
            priceSek: insats.price.amountSek,
            pricePeriod: insats.price.period,
            decidedOn: (payload.decision as { decidedOn?: string } | undefined)?.decidedOn ?? null,
            assignedOn: payload.assignedOn ?? null,
            acceptedOn: payload.acceptedOn ?? null,
            at: message.occurredAt,
            // The acceptance names no origin and keeps the anvisning's.
            origin: payload.origin ?? (message.event.type === 'PlacementAssigned' ? 'arende' : null),
            planRow: payload.planRow ?? null,
          },
        );
        return;
      }
      case 'PlacementDeclined':
        db.run(
          `UPDATE pl_placements SET insats_id = NULL, insats_version = NULL, insats_name = NULL,
             providing_unit = NULL, trappsteg = NULL, bip_type = NULL, price_sek = NULL, price_period = NULL,
             assigned_on = NULL, accepted_on = NULL
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          key,
        );
        return;
      case 'PlacementContinued':
        if (payload.fromDefinitionId === 'aktualisering') {
          db.run(
            "UPDATE pl_placements SET origin = 'aktualisering' WHERE case_id = :caseId AND instance_id = :instanceId",
            key,
          );
          return;
        }
        // The chain's follow-ups so far, so the next placement shows the history it carries.
        db.run(
          `UPDATE pl_placements SET continues_from = :from,
             (earlier_insats_name, earlier_follow_ups) = (
               SELECT insats_name, coalesce(earlier_follow_ups + follow_ups_held, 0) FROM pl_placements
               WHERE case_id = :caseId AND instance_id = :from)
           WHERE case_id = :caseId AND instance_id = :instanceId
             AND EXISTS (SELECT 1 FROM pl_placements WHERE case_id = :caseId AND instance_id = :from)`,
          { ...key, from: payload.fromInstanceId },
        );
        return;
      case 'AttendanceRecorded':
        return keepLatest(db, key, 'attendance_to', payload.to);
      case 'ObservationRecorded':
        return keepLatest(db, key, 'last_observation_on', payload.observedOn);
      case 'UnmetNeedRecorded':
        db.run(
          `INSERT INTO pl_unmet_needs (case_id, instance_id, unit, category, recorded_on)
           SELECT case_id, instance_id, unit, :category, :recordedOn FROM pl_placements
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { ...key, category: payload.category, recordedOn: payload.recordedOn },
        );
        return;
      case 'PlacementStarted': {
        // The plan stays as stored, sealed: the providing unit's answer opens only the parts it needs.
        const scope = payload.scope as { hours: number; per: string };
        db.run(
          `UPDATE pl_placements SET started_on = :on, plan = :plan, scope_hours = :hours, scope_per = :per
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { ...key, on: payload.startedOn, plan: payload.plan, hours: scope.hours, per: scope.per },
        );
        recordParticipation(db, key.caseId);
        return;
      }
      case 'PlaceOffered':
        db.run(
          'UPDATE pl_placements SET offered_on = :on WHERE case_id = :caseId AND instance_id = :instanceId',
          {
            ...key,
            on: payload.offeredOn,
          },
        );
        return;
      case 'FollowUpHeld': {
        // The step comes before its deadline is cancelled: the due date is still the period's it closes.
        const due = db.get<{ follow_up_due_at: string | null }>(
          'SELECT follow_up_due_at FROM pl_placements WHERE case_id = :caseId AND instance_id = :instanceId',
          key,
        )?.follow_up_due_at;
        const onTime = due === null || due === undefined || String(payload.heldOn) <= calendarDayOf(due);
        db.run(
          `UPDATE pl_placements SET follow_ups_held = follow_ups_held + 1, last_follow_up_on = :heldOn,
             ready_for_jobbtorg_resurs = :ready
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          {
            ...key,
            heldOn: payload.heldOn,
            ready: readyForJobbtorgResurs(payload.readiness as Record<string, unknown>) ? 1 : 0,
          },
        );
        db.run(
          `INSERT INTO pl_follow_ups (case_id, instance_id, unit, held_on, on_time)
           SELECT case_id, instance_id, unit, :heldOn, :onTime FROM pl_placements
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { ...key, heldOn: payload.heldOn, onTime: onTime ? 1 : 0 },
        );
        return;
      }
      case 'PlacementClosed':
        db.run(
          `UPDATE pl_placements SET ended_on = :endedOn, outcome = :outcome
           WHERE case_id = :caseId AND instance_id = :instanceId`,
          { ...key, endedOn: payload.endedOn, outcome: payload.outcome },
        );
        recordParticipation(db, key.caseId);
    }
  }
}

/** A report may arrive for an earlier period than the last: the column keeps the latest day. */
function keepLatest(
  db: ReadModelDb,
  key: { caseId: string; instanceId: string },
  column: 'attendance_to' | 'last_observation_on',
  day: unknown,
): void {
  db.run(
    `UPDATE pl_placements SET ${column} = max(coalesce(${column}, ''), :day)
     WHERE case_id = :caseId AND instance_id = :instanceId`,
    { ...key, day },
  );
}

export const placementsProjection: ProjectionFactory = () => new PlacementsProjection();
