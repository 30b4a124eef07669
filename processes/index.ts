import { ProcessRegistry } from '@app/engine';
import { fortroendelakareV1 } from './fortroendelakare/fortroendelakare.machine';
import { rehabHandledningV1 } from './rehab-handledning/rehab-handledning.machine';

export const PROCESS_DEFINITIONS = [rehabHandledningV1, fortroendelakareV1];

export function createProcessRegistry(): ProcessRegistry {
  return new ProcessRegistry(PROCESS_DEFINITIONS);
}
