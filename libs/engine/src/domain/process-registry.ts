import { WorkflowRegistry } from '@app/workflow';
import type { ProcessDefinition } from './process-definition';

/**
 * The toolbox's processes, every registered version: the workflow
 * library's registry of definitions whose lanes are the toolbox's roles.
 * A class of its own so the app can inject it.
 */
export class ProcessRegistry extends WorkflowRegistry<ProcessDefinition> {}
