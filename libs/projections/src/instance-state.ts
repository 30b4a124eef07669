import { type ProcessRegistry } from '@app/engine';
import { activeTasks, type ActiveTask } from '@app/workflow';
import type { StateValue } from 'xstate';
import type { StoredEventMessage } from '@app/read-model';

/** The tasks waiting after this event, or undefined when the event did not move its instance. */
export function tasksAfter(registry: ProcessRegistry, message: StoredEventMessage): ActiveTask[] | undefined {
  const instance = message.instance;
  if (!instance) return undefined;
  const moved =
    instance.stateBefore === null ||
    JSON.stringify(instance.stateBefore) !== JSON.stringify(instance.stateAfter);
  if (!moved) return undefined;
  const definition = registry.get(instance.definitionId, instance.version);
  return activeTasks(definition, instance.stateAfter as StateValue | null);
}
