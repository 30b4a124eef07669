import { ProcessRegistry } from '@app/engine';
import { fortroendelakareV1 } from './fortroendelakare/fortroendelakare.machine';

export const PROCESS_DEFINITIONS = [fortroendelakareV1];

export function createProcessRegistry(): ProcessRegistry {
  return new ProcessRegistry(PROCESS_DEFINITIONS);
}
