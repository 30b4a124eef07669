import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import {
  CaseEngine,
  CaseNotFoundError,
  caseStream,
  evolve,
  initialCaseState,
  nextSteps,
  payloadSchema,
  Progressionsplan,
  ProcessRegistry,
  ROLE_LABELS,
  type Role,
} from '@app/engine';
import { toCaseView, type CaseView } from './case-view';

/** The case as the log says now: read from the store, so a client always sees its own writes. */
export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly now: string,
  ) {
    super();
  }
}

/** The case as it was at `at`: the fold of the events that had happened by then. */
export class CaseAsOfQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly at: string,
  ) {
    super();
  }
}

/** What the role may do now in the case: process steps, processes it may start, and case-level actions. */
export class NextStepsQuery extends Query<ReturnType<NextStepsHandler['answer']>> {
  constructor(
    readonly caseId: string,
    readonly role: Role,
  ) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly engine: CaseEngine,
    private readonly registry: ProcessRegistry,
  ) {}

  async execute({ caseId, now }: GetCaseQuery): Promise<CaseView> {
    const state = await this.engine.load(caseId);
    if (state.revision === 'no_stream') throw new CaseNotFoundError(caseId);
    return toCaseView(this.registry, state, now);
  }
}

@QueryHandler(CaseAsOfQuery)
export class CaseAsOfHandler implements IQueryHandler<CaseAsOfQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: ProcessRegistry,
  ) {}

  async execute({ caseId, at }: CaseAsOfQuery): Promise<CaseView> {
    let state = initialCaseState(caseId);
    for await (const event of this.store.readStream(caseStream(caseId))) {
      if (String(event.metadata.occurredAt) > at) break;
      state = evolve(this.registry, state, event);
    }
    if (state.revision === 'no_stream') throw new CaseNotFoundError(caseId);
    return toCaseView(this.registry, state, at);
  }
}

@QueryHandler(NextStepsQuery)
export class NextStepsHandler implements IQueryHandler<NextStepsQuery> {
  constructor(
    private readonly engine: CaseEngine,
    private readonly registry: ProcessRegistry,
  ) {}

  async execute({ caseId, role }: NextStepsQuery) {
    const state = await this.engine.load(caseId);
    if (state.revision === 'no_stream') throw new CaseNotFoundError(caseId);
    return this.answer(state, role);
  }

  answer(state: Awaited<ReturnType<CaseEngine['load']>>, role: Role) {
    const latest = [...new Set(this.registry.all().map((d) => d.id))].map((id) => this.registry.latest(id));
    return {
      caseId: state.caseId,
      revision: state.revision as number,
      role,
      roleLabel: ROLE_LABELS[role],
      steps: nextSteps(this.registry, state, role),
      startable: latest
        .filter((definition) => definition.startLanes.includes(role))
        .map((definition) => ({
          definitionId: definition.id,
          process: definition.title,
          label: `Starta ${definition.title}`,
          blockedBy: (definition.startRules ?? [])
            .filter((rule) => !rule.holds({ hasProgressionsplan: state.hasProgressionsplan }, {}))
            .map(({ id, message }) => ({ id, message })),
        })),
      caseActions: [
        { command: 'ChangeCaseworker', label: 'Byt ansvarig socialsekreterare' },
        ...(role === 'rehabansvarig'
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
