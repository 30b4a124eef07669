import type { AnyStateNode, StateValue } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowDefinition } from './definition';

export interface ActiveTask<L extends string = string> {
  /** XState node id, e.g. `fortroendelakare.uppfoljning.avstamning.pending`; deadlines name it too. */
  readonly stateId: string;
  /** Path below the root, e.g. `uppfoljning.avstamning.pending`. */
  readonly statePath: string;
  readonly lane: L;
  readonly title: string;
  readonly kind: StateMeta['kind'];
}

const metaOf = (node: AnyStateNode) => node.meta as StateMeta | undefined;
const isTask = (node: AnyStateNode) => metaOf(node)?.lane !== undefined && metaOf(node)?.kind !== 'end';

/** Every active node under `node` for a state value, parents before children. */
function activeNodes(node: AnyStateNode, value: StateValue): AnyStateNode[] {
  if (typeof value === 'string') {
    const child = node.states[value];
    return child ? [child] : [];
  }
  return Object.entries(value).flatMap(([key, sub]) => {
    const child = node.states[key];
    return child ? [child, ...activeNodes(child, sub as StateValue)] : [];
  });
}

/**
 * The nodes of a state value that wait on a role: the deepest active nodes
 * with a lane. A parallel step is one task per region while its regions run,
 * and the step itself once every region has reached a node without a lane.
 */
export function activeTasks<L extends string>(
  definition: WorkflowDefinition<L>,
  value: StateValue | null,
): ActiveTask<L>[] {
  if (value === null) return [];
  const root = definition.machine.root as AnyStateNode;
  const nodes = activeNodes(root, value);
  const tasks = nodes.filter(
    (node) =>
      isTask(node) && !nodes.some((other) => other !== node && isTask(other) && isAncestor(node, other)),
  );
  return tasks.map((node) => {
    // Machines carry their meta untyped; the definition's lanes are what its meta names.
    const meta = metaOf(node) as StateMeta<L> & { lane: L };
    return {
      stateId: node.id,
      statePath: node.path.join('.'),
      lane: meta.lane,
      title: meta.title,
      kind: meta.kind,
    };
  });
}

/** Dotted paths of every active node, so a filter on `uppfoljning` matches all its sub-steps. */
export function activeStatePaths(definition: WorkflowDefinition, value: StateValue | null): string[] {
  if (value === null) return [];
  return activeNodes(definition.machine.root as AnyStateNode, value).map((node) => node.path.join('.'));
}

function isAncestor(ancestor: AnyStateNode, node: AnyStateNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

/** `xstate.after.<name>.<state id>` → the state whose timer it is, and that state's lane. */
export function deadlineOwner<L extends string>(
  definition: WorkflowDefinition<L>,
  machineEvent: string,
): { stateId: string; lane?: L; spec?: DeadlineSpec<L> } {
  const [, , name, ...rest] = machineEvent.split('.');
  const stateId = rest.join('.');
  const root = definition.machine.root as AnyStateNode;
  const path = stateId.split('.').slice(1);
  let node: AnyStateNode | undefined = root;
  for (const key of path) node = node?.states[key];
  return {
    stateId,
    lane: node ? (metaOf(node)?.lane as L | undefined) : undefined,
    spec: definition.deadlines[name],
  };
}
