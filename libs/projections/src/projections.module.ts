import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CaseEffects, ProcessRegistry, TOOLBOX_EFFECTS } from '@app/engine';
import {
  BipPhaseDistributionHandler,
  CaseworkerChangesHandler,
  StepCountsHandler,
  StepWaitsHandler,
} from './statistics/statistics.queries';
import {
  caseAccessProjection,
  ClosedCasesHandler,
  VisibleCaseIdsHandler,
  CasesOfUnitsHandler,
  accessLogProjection,
  CaseViewingsHandler,
  UserViewingsHandler,
  staffProjection,
  StaffMemberHandler,
  SavedCaseFiltersHandler,
  CoversHeldHandler,
  UnitCoversHandler,
  UnitStaffHandler,
  MenteesHandler,
  MentorOfHandler,
} from '@app/access';
import { caseDirectoryProjection } from './case-directory';
import { catalogueProjection } from './catalogue/catalogue.projection';
import {
  CatalogueFactsHandler,
  CatalogueHandler,
  InsatsHandler,
  OccupancyHandler,
} from './catalogue/catalogue.queries';
import { placementsProjection } from './placements/placements.projection';
import { referralsProjection } from './referrals/referrals.projection';
import { caseNotesProjection } from './case-notes/case-notes.projection';
import { CaseNotesHandler } from './case-notes/case-notes.queries';
import { planItemsProjection } from './plan-items/plan-items.projection';
import { PlanRemindersDueHandler, PlanTasksHandler } from './plan-items/plan-items.queries';
import {
  ReceivedReferralHandler,
  ReceivedReferralsHandler,
  SentReferralsHandler,
} from './referrals/referrals.queries';
import { clientFactsProjection } from './placements/client-facts.projection';
import { mailProjection } from './mail/mail.projection';
import { MailDeliveriesHandler, MailPreferenceHandler, PendingMailHandler } from './mail/mail.queries';
import { PlacementsHandler } from './placements/placements.queries';
import { PartnerPlacementHandler, PartnerPlacementsHandler } from './placements/partner-placements.queries';
import { BillingBasisHandler } from './placements/billing.queries';
import { InsatsReportHandler } from './placements/insats-statistics.queries';
import { CaseHistoryFacetsHandler, CaseHistoryHandler } from './case-history/case-history.queries';
import { caseHistoryProjection } from './case-history/case-history.projection';
import { ListCasesHandler } from './case-list/case-list.queries';
import { caseListProjection } from './case-list/case-list.projection';
import { deadlinesProjection } from './deadlines/deadlines.projection';
import { OpenDeadlinesHandler } from './deadlines/deadlines.queries';
import { FollowUpHandler } from './follow-up/follow-up.queries';
import { followUpProjection } from './follow-up/follow-up.projection';
import { NotificationsHandler } from './notifications/notifications.queries';
import { notificationsProjection } from './notifications/notifications.projection';
import {
  PROJECTION_RUNNER_OPTIONS,
  PROJECTIONS,
  ProjectionRunner,
  type ProjectionRunnerOptions,
} from './projection-runner';
import { type ProjectionFactory, ReadModelDb } from '@app/read-model';
import { statisticsProjection } from './statistics/statistics.projection';
import { WorkQueueHandler } from './work-queue/work-queue.queries';
import { UnitWorkloadHandler } from './work-queue/workload.queries';
import { CaseReferencesHandler } from './case-references.queries';
import { workQueueProjection } from './work-queue/work-queue.projection';

export const PROJECTION_FACTORIES: readonly ProjectionFactory[] = [
  // First: the others read the case facts it keeps.
  caseDirectoryProjection,
  caseAccessProjection,
  accessLogProjection,
  staffProjection,
  workQueueProjection,
  caseListProjection,
  caseHistoryProjection,
  deadlinesProjection,
  followUpProjection,
  notificationsProjection,
  statisticsProjection,
  catalogueProjection,
  placementsProjection,
  clientFactsProjection,
  referralsProjection,
  caseNotesProjection,
  planItemsProjection,
  mailProjection,
];

const QUERY_HANDLERS = [
  PendingMailHandler,
  MailDeliveriesHandler,
  MailPreferenceHandler,
  ClosedCasesHandler,
  VisibleCaseIdsHandler,
  CasesOfUnitsHandler,
  CaseViewingsHandler,
  UserViewingsHandler,
  StaffMemberHandler,
  SavedCaseFiltersHandler,
  CoversHeldHandler,
  UnitCoversHandler,
  UnitStaffHandler,
  MenteesHandler,
  MentorOfHandler,
  WorkQueueHandler,
  UnitWorkloadHandler,
  CaseReferencesHandler,
  ListCasesHandler,
  CaseHistoryHandler,
  CaseHistoryFacetsHandler,
  OpenDeadlinesHandler,
  FollowUpHandler,
  NotificationsHandler,
  BipPhaseDistributionHandler,
  StepCountsHandler,
  StepWaitsHandler,
  CaseworkerChangesHandler,
  CatalogueHandler,
  InsatsHandler,
  OccupancyHandler,
  CatalogueFactsHandler,
  PlacementsHandler,
  PartnerPlacementsHandler,
  PartnerPlacementHandler,
  BillingBasisHandler,
  InsatsReportHandler,
  ReceivedReferralsHandler,
  ReceivedReferralHandler,
  SentReferralsHandler,
  CaseNotesHandler,
  PlanTasksHandler,
  PlanRemindersDueHandler,
];

export interface ProjectionsModuleOptions extends Partial<ProjectionRunnerOptions> {
  /** SQLite file of the read models, or `:memory:`. */
  readonly filename: string;
  /** Read models beside the product's own (a test's, say); they follow the log in the same transactions. */
  readonly extraProjections?: readonly ProjectionFactory[];
  /** The case model's effects, for the history's lines; the toolbox's unless given. */
  readonly effects?: CaseEffects;
}

function openReadModels(filename: string): ReadModelDb {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  return new ReadModelDb(filename);
}

/** Read models, their runner and their query handlers. Needs the CqrsModule, EVENT_STORE and ProcessRegistry. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    const factories = [...PROJECTION_FACTORIES, ...(options.extraProjections ?? [])];
    const providers: Provider[] = [
      { provide: ReadModelDb, useFactory: () => openReadModels(options.filename) },
      { provide: CaseEffects, useValue: options.effects ?? TOOLBOX_EFFECTS },
      {
        provide: PROJECTION_RUNNER_OPTIONS,
        useValue: { autoStart: options.autoStart ?? true, retryDelayMs: options.retryDelayMs ?? 5000 },
      },
      {
        provide: PROJECTIONS,
        useFactory: (registry: ProcessRegistry, effects: CaseEffects) =>
          factories.map((create) => create({ registry, effects })),
        inject: [ProcessRegistry, CaseEffects],
      },
      ProjectionRunner,
      ...QUERY_HANDLERS,
    ];
    return { module: ProjectionsModule, providers, exports: [ProjectionRunner, ReadModelDb] };
  }
}
