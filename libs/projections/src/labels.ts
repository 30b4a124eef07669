import { CASE_EVENTS, ROLE_LABELS, type ProcessRegistry, type Role } from '@app/engine';
import type { StoredEventMessage } from './stored-event-message';

const day = (iso: unknown) => String(iso).slice(0, 10);

/** What happened, in Swedish, as the case history shows it. */
export function historyLabel(registry: ProcessRegistry, message: StoredEventMessage): string {
  const { data } = message;
  const instance = message.instance;
  const definition = instance ? registry.get(instance.definitionId, instance.version) : undefined;
  switch (message.event.type) {
    case CASE_EVENTS.opened:
      return 'Ärendet öppnat';
    case CASE_EVENTS.caseworkerChanged:
      return 'Handläggarbyte';
    case CASE_EVENTS.progressionsplanRecorded:
      return 'Progressionsplan registrerad';
    case CASE_EVENTS.processStarted:
      return `Process startad: ${definition?.title ?? data.definitionId}`;
    case CASE_EVENTS.processCompleted:
      return `Process avslutad: ${definition?.title ?? ''}`.trim();
    case CASE_EVENTS.deadlineScheduled:
      return `Frist satt: ${data.title} (senast ${day(data.dueAt)})`;
    case CASE_EVENTS.deadlineCancelled:
      return `Frist avslutad: ${definition?.deadlines[String(data.name)]?.title ?? data.name}`;
    case CASE_EVENTS.deadlineReached:
      return `Frist passerad: ${definition?.deadlines[String(data.name)]?.title ?? data.name}`;
    case CASE_EVENTS.followUpOwnerChanged:
      return data.escalated
        ? `Uppföljningsansvar eskalerat till ${ROLE_LABELS[data.owner as Role]}: ${data.reason}`
        : `Uppföljningsansvar: ${ROLE_LABELS[data.owner as Role] ?? data.owner}`;
    default:
      return definition?.events[message.event.type]?.label ?? message.event.type;
  }
}
