import type { components } from './generated/openapi';

/**
 * The shapes the UI reads from the API, generated from its OpenAPI document
 * (`generated/openapi.d.ts`, `npm run api:types`); never typed by hand, so
 * a changed answer fails the type check here.
 */
type Schemas = components['schemas'];

export type JsonSchema = Schemas['StepSchema'];
export type Membership = Schemas['Membership'];
export type Me = Schemas['Me'];
export type DemoUsers = Schemas['DemoUsers'];
export type SignInConfig = Schemas['SignInConfig'];
export type AccessToken = Schemas['AccessToken'];
export type WriteResult = Schemas['WriteResult'];
export type StaffList = Schemas['StaffList'];
export type ColleagueList = Schemas['ColleagueList'];
export type MentorList = Schemas['MentorList'];
export type QueueTask = Schemas['QueueTask'];
export type QueueTaskPage = Schemas['QueueTaskPage'];
export type PlanItem = Schemas['PlanItem'];
export type PlanTask = Schemas['PlanTask'];
export type PlanTaskPage = Schemas['PlanTaskPage'];
export type CaseView = Schemas['CaseView'];
export type ProcessInstanceView = Schemas['ProcessInstanceView'];
export type LastStep = NonNullable<ProcessInstanceView['lastStep']>;
export type CaseClosed = NonNullable<CaseView['closed']>;
export type NextStep = Schemas['NextStep'];
export type NextSteps = Schemas['NextSteps'];
export type InstanceAction = NextSteps['instanceActions'][number];
export type HistoryEntry = Schemas['HistoryEntry'];
export type HistoryPage = Schemas['HistoryPage'];
export type CaseListItem = Schemas['CaseListItem'];
export type ProcessSummary = Schemas['ProcessSummary'];
export type Viewing = Schemas['Viewing'];
export type FollowUp = Schemas['FollowUp'];
export type CaseworkerChangeCount = Schemas['CaseworkerChangeCount'];
export type PhaseMonth = Schemas['PhaseMonth'];
export type StepCount = Schemas['StepCount'];
export type StepWait = Schemas['StepWait'];
export type CatalogueItem = Schemas['CatalogueItem'];
export type CatalogueForm = Schemas['CatalogueForm'];
export type Placement = Schemas['Placement'];
export type CaseNotes = Schemas['CaseNotes'];
export type InsatsReport = Schemas['InsatsReport'];
export type PartnerPlacement = Schemas['PartnerPlacement'];
export type BillingBasis = Schemas['BillingBasis'];
export type ReceivingUnit = Schemas['ReceivingUnits']['items'][number];
export type ReceivedReferral = Schemas['ReceivedReferral'];
export type ReceivedReferralDetail = Schemas['ReceivedReferralDetail'];
export type ReferralStepResult = Schemas['ReferralStepResult'];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type UnreadCount = Schemas['UnreadCount'];
export type SavedCaseFilters = Schemas['SavedCaseFilters'];
export type UnitWorkload = Schemas['UnitWorkload'];
export type UnitCovers = Schemas['UnitCovers'];

/** A page of a list: its items, how many there are in all, and where the page starts. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** My tasks and their total: the two queues merged in the browser, so a page of neither. */
export interface MyTasks {
  readonly items: QueueTask[];
  readonly total: number;
  /** Of all of them, not only those loaded: the menu's and the heading's count. */
  readonly late: number;
}
