import {
  CASE_EVENTS,
  DOCUMENT_KINDS,
  END_REASON_LABELS,
  SA_AE_KINDS,
  SA_AE_OUTCOMES,
  TOOLBOX_EFFECTS,
  WAIT_REASONS,
  CLOSE_REASONS,
  type CloseReason,
  type WaitReason,
  type SaAeKind,
  type SaAeOutcome,
  type EndReason,
  type CaseEffects,
  type ProcessDefinition,
  type ProcessRegistry,
} from '@app/engine';
import { activeTasks } from '@app/workflow';
import type { StateValue } from 'xstate';
import type { StoredEventMessage } from '@app/read-model';

const day = (iso: unknown) => String(iso).slice(0, 10);

/** A step by its title, from its state path ("uppfoljning.avstamning" is the state value it names). */
function stepTitle(definition: ProcessDefinition | undefined, statePath: unknown): string {
  const path = String(statePath);
  if (!definition) return path;
  const value = path
    .split('.')
    .reduceRight<StateValue | undefined>(
      (inner, key) => (inner === undefined ? key : { [key]: inner }),
      undefined,
    );
  try {
    return activeTasks(definition, value ?? path).find((task) => task.statePath === path)?.title ?? path;
  } catch {
    return path;
  }
}

/** What happened, in Swedish, as the case history shows it. */
export function historyLabel(
  registry: ProcessRegistry,
  message: StoredEventMessage,
  effects: CaseEffects = TOOLBOX_EFFECTS,
): string {
  const { data } = message;
  const instance = message.instance;
  const definition = instance ? registry.get(instance.definitionId, instance.version) : undefined;
  switch (message.event.type) {
    case CASE_EVENTS.opened:
      return 'Ärendet öppnat';
    case CASE_EVENTS.caseworkerChanged:
      return 'Handläggarbyte';
    case CASE_EVENTS.processStarted:
      return `Process startad: ${definition?.title ?? data.definitionId}`;
    case CASE_EVENTS.processCompleted:
      return `Process avslutad: ${definition?.title ?? ''}`.trim();
    case CASE_EVENTS.processEnded:
      return `Process avslutad i förtid: ${definition?.title ?? ''} (${END_REASON_LABELS[data.reason as EndReason] ?? data.reason})`;
    case CASE_EVENTS.saAeApplicationOpened:
      return `Ansökan om ${SA_AE_KINDS[data.kind as SaAeKind].toLowerCase()} (inlämnad ${day(data.appliedOn)})`;
    case CASE_EVENTS.saAeApplicationClosed:
      return `Försäkringskassans beslut om ${SA_AE_KINDS[data.kind as SaAeKind].toLowerCase()}: ${SA_AE_OUTCOMES[data.outcome as SaAeOutcome].toLowerCase()} (${day(data.decidedOn)})`;
    case CASE_EVENTS.clientFactsRecorded:
      return 'Uppgifter för statistik registrerade';
    case CASE_EVENTS.noteRecorded:
      return `Anteckning för ${day(data.writtenOn)}`;
    case CASE_EVENTS.documentReferenced:
      return `Handling i dokumenthanteringen: ${DOCUMENT_KINDS[data.kind as keyof typeof DOCUMENT_KINDS] ?? data.kind} (${day(data.dated)})`;
    case CASE_EVENTS.rehabansvarigAssigned:
      return data.from === undefined ? 'Rehabansvarig för ärendet angiven' : 'Byte av Rehabansvarig';
    case CASE_EVENTS.taskAssigned:
      return data.to === null
        ? `Uppgiften tillbaka i rollens kö: ${stepTitle(definition, data.statePath)}`
        : `Uppgiften tagen eller överlämnad: ${stepTitle(definition, data.statePath)}`;
    case CASE_EVENTS.stepWaitRecorded:
      return `Steget väntar: ${WAIT_REASONS[data.reason as WaitReason]} (sedan ${day(data.since)})${definition ? `, ${definition.title}` : ''}`;
    case CASE_EVENTS.deadlineScheduled:
      return `Tidsgräns satt: ${data.title} (senast ${day(data.dueAt)})`;
    case CASE_EVENTS.deadlineCancelled:
      return `Tidsgräns avslutad: ${definition?.deadlines[String(data.name)]?.title ?? data.name}`;
    case CASE_EVENTS.deadlineReached:
      return `Tidsgräns passerad: ${definition?.deadlines[String(data.name)]?.title ?? data.name}`;
    case CASE_EVENTS.closed:
      return `Ärendet avslutat: ${CLOSE_REASONS[data.reason as CloseReason] ?? data.reason}`;
    case CASE_EVENTS.reopened:
      return 'Ärendet öppnat igen';
    case CASE_EVENTS.referenceChanged:
      return data.reference === undefined ? 'Id i dokumenthanteringen ändrat' : 'Referensen ändrad';
    case CASE_EVENTS.stepCorrected:
      return `Rättelse: steget ”${definition?.events[String(data.step)]?.label ?? data.step}” registrerades av misstag`;
    case CASE_EVENTS.planItemChecked:
      return data.done
        ? `Punkt ${data.row} i progressionsplanen gjord`
        : `Punkt ${data.row} i progressionsplanen inte gjord`;
    case CASE_EVENTS.planItemReminded:
      return data.late
        ? `Påminnelse: punkt ${data.row} i progressionsplanen skulle ha varit gjord ${day(data.dueOn)}`
        : `Påminnelse: punkt ${data.row} i progressionsplanen ska vara gjord senast ${day(data.dueOn)}`;
    default:
      return (
        effects.label(message.event.type, data) ??
        definition?.events[message.event.type]?.label ??
        message.event.type
      );
  }
}
