import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  CASE_COMMAND_ROLES,
  CaseworkerChange,
  CaseNote,
  ClientFacts,
  DocumentReference,
  CaseNotFoundError,
  caseStream,
  CaseFold,
  initialCaseState,
  nextSteps,
  instanceActions,
  payloadSchema,
  Progressionsplan,
  RehabansvarigChange,
  RehabansvarigChoice,
  SaAeApplication,
  SaAeDecision,
  ProcessRegistry,
  ROLE_LABELS,
  unmetStartRules,
  type CaseState,
  type Role,
} from '@app/engine';
import { actingRoles, type Principal, CaseAccess } from '@app/access';
import { toCaseView, type CaseView } from './case-view';

/** The case as the log says now: read from the store, so a client always sees its own writes. */
export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly now: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** The case as it was at `at`: the fold of the events that had happened by then. */
export class CaseAsOfQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly at: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** What the caller's roles in the case's unit may do now: process steps, processes to start, case actions. */
export class NextStepsQuery extends Query<ReturnType<NextStepsHandler['answer']>> {
  constructor(
    readonly caseId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly access: CaseAccess,
    private readonly registry: ProcessRegistry,
  ) {}

  async execute({ caseId, now, principal }: GetCaseQuery): Promise<CaseView> {
    return toCaseView(this.registry, await this.access.visibleCase(principal, caseId), now);
  }
}

@QueryHandler(CaseAsOfQuery)
export class CaseAsOfHandler implements IQueryHandler<CaseAsOfQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: ProcessRegistry,
    private readonly access: CaseAccess,
  ) {}

  /** Who may see the case is judged on the case now: a former social worker keeps seeing its past. */
  async execute({ caseId, at, principal }: CaseAsOfQuery): Promise<CaseView> {
    await this.access.visibleCase(principal, caseId);
    const fold = new CaseFold(this.registry, initialCaseState(caseId));
    for await (const event of this.store.readStream(caseStream(caseId))) {
      if (String(event.metadata.occurredAt) > at) break;
      fold.apply(event);
    }
    const state = fold.state;
    if (state.revision === 'no_stream') throw new CaseNotFoundError(caseId);
    return toCaseView(this.registry, state, at);
  }
}

@QueryHandler(NextStepsQuery)
export class NextStepsHandler implements IQueryHandler<NextStepsQuery> {
  constructor(
    private readonly access: CaseAccess,
    private readonly registry: ProcessRegistry,
  ) {}

  async execute({ caseId, principal }: NextStepsQuery) {
    const state = await this.access.visibleCase(principal, caseId);
    return this.answer(state, actingRoles(principal, state.unit ?? ''));
  }

  answer(state: CaseState, roles: readonly Role[]) {
    const holds = (lanes: readonly string[]) => roles.some((role) => lanes.includes(role));
    const latest = this.registry.ids().map((id) => this.registry.latest(id));
    return {
      caseId: state.caseId,
      unit: state.unit ?? '',
      revision: state.revision as number,
      roles: roles.map((role) => ({ role, label: ROLE_LABELS[role] })),
      steps: nextSteps(this.registry, state, roles),
      instanceActions: instanceActions(this.registry, state, roles),
      startable: latest
        .filter((definition) => holds(definition.startLanes))
        .map((definition) => ({
          definitionId: definition.id,
          process: definition.title,
          label: `Starta ${definition.title}`,
          blockedBy: unmetStartRules(definition, state).map(({ id, message }) => ({ id, message })),
        })),
      caseActions: [
        ...(holds(CASE_COMMAND_ROLES.ChangeCaseworker)
          ? [
              {
                command: 'ChangeCaseworker',
                label: 'Byt ansvarig socialsekreterare',
                schema: payloadSchema(CaseworkerChange),
              },
            ]
          : []),
        ...(holds(CASE_COMMAND_ROLES.RecordSaAeApplication)
          ? [
              state.saAeApplication
                ? {
                    command: 'RecordSaAeDecision',
                    label: 'Registrera Försäkringskassans beslut',
                    schema: payloadSchema(SaAeDecision),
                  }
                : {
                    command: 'RecordSaAeApplication',
                    label: 'Registrera ansökan om sjukersättning eller aktivitetsersättning',
                    schema: payloadSchema(SaAeApplication),
                  },
            ]
          : []),
        ...(holds(CASE_COMMAND_ROLES.RecordClientFacts)
          ? [
              {
                command: 'RecordClientFacts',
                label: state.clientFacts
                  ? 'Ändra uppgifterna för statistik'
                  : 'Registrera uppgifter för statistik',
                schema: payloadSchema(ClientFacts),
              },
            ]
          : []),
        ...(holds(CASE_COMMAND_ROLES.RecordCaseNote)
          ? [{ command: 'RecordCaseNote', label: 'Skriv en anteckning', schema: payloadSchema(CaseNote) }]
          : []),
        ...(holds(CASE_COMMAND_ROLES.RecordDocumentReference)
          ? [
              {
                command: 'RecordDocumentReference',
                label: 'Hänvisa till en handling i dokumenthanteringen',
                schema: payloadSchema(DocumentReference),
              },
            ]
          : []),
        ...(holds(CASE_COMMAND_ROLES.AssignRehabansvarig)
          ? [
              state.rehabansvarigId === undefined
                ? {
                    command: 'AssignRehabansvarig',
                    label: 'Ange Rehabansvarig för ärendet',
                    schema: payloadSchema(RehabansvarigChoice),
                  }
                : {
                    command: 'AssignRehabansvarig',
                    label: 'Byt Rehabansvarig',
                    schema: payloadSchema(RehabansvarigChange),
                  },
            ]
          : []),
        ...(holds(CASE_COMMAND_ROLES.RecordProgressionsplan)
          ? [
              {
                command: 'RecordProgressionsplan',
                label: 'Registrera progressionsplan',
                schema: payloadSchema(Progressionsplan),
              },
            ]
          : []),
      ],
    };
  }
}
