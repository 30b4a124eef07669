import type { AnyStateNode } from 'xstate';
import type { StateMeta, WorkflowDefinition } from '../definition';

export interface GraphNode {
  readonly id: string;
  readonly kind: 'start' | 'userTask' | 'gateway' | 'end' | 'timerTask';
  readonly name: string;
  readonly lane: string;
}

export interface GraphFlow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly name?: string;
}

export interface GraphTimer {
  readonly id: string;
  readonly attachedTo: string;
  readonly name: string;
  readonly duration: string;
  /** Interrupting when the timer leaves the task (a hard limit); otherwise the task carries on. */
  readonly interrupting: boolean;
  readonly to: string;
}

export interface ProcessGraph {
  readonly nodes: GraphNode[];
  readonly flows: GraphFlow[];
  readonly timers: GraphTimer[];
  readonly lanes: string[];
}

const metaOf = (node: AnyStateNode) => node.meta as StateMeta | undefined;
const guardName = (guard: unknown): string | undefined =>
  typeof guard === 'string'
    ? guard
    : guard && typeof guard === 'object'
      ? String((guard as { type: string }).type)
      : undefined;
const topLevelOf = (node: AnyStateNode): AnyStateNode =>
  node.parent?.parent ? topLevelOf(node.parent) : node;
const descendants = (node: AnyStateNode): AnyStateNode[] =>
  Object.values(node.states).flatMap((child) => [child, ...descendants(child)]);

/**
 * Flattens a machine into the shape BPMN draws: each top-level state is one
 * task (or end event); a state whose steps lead to more than one place gets
 * an exclusive gateway with one named flow per outcome; every delayed
 * transition inside a task becomes a timer on its boundary. Transitions that
 * stay inside a task (repeated follow-ups, parallel sub-steps) are the task's
 * own work and are not drawn.
 */
export function toProcessGraph(definition: WorkflowDefinition): ProcessGraph {
  const machine = definition.machine.root as AnyStateNode;
  const tops = Object.values(machine.states) as AnyStateNode[];
  const nodes: GraphNode[] = [];
  const flows: GraphFlow[] = [];
  const timers: GraphTimer[] = [];
  const laneOfTop = new Map<string, string>();

  const initial = String(machine.config.initial);
  // Ends sit in the lane that starts the process; one no person starts, in the lane of its first task.
  const startLane = definition.startLanes[0] ?? metaOf(machine.states[initial] as AnyStateNode)?.lane;
  for (const top of tops) laneOfTop.set(top.key, metaOf(top)?.lane ?? startLane);
  nodes.push({ id: 'start', kind: 'start', name: 'Start', lane: laneOfTop.get(initial) as string });
  flows.push({ id: 'flow_start', from: 'start', to: initial });

  for (const top of tops) {
    const meta = metaOf(top);
    const lane = laneOfTop.get(top.key) as string;
    if (top.type === 'final') {
      nodes.push({ id: top.key, kind: 'end', name: meta?.title ?? top.key, lane });
      continue;
    }
    nodes.push({ id: top.key, kind: 'userTask', name: meta?.title ?? top.key, lane });

    const outcomes = new Map<string, string[]>();
    for (const node of [top, ...descendants(top)]) {
      for (const [event, transitions] of node.transitions) {
        for (const transition of transitions) {
          for (const target of transition.target ?? []) {
            const destination = topLevelOf(target as AnyStateNode);
            if (event.startsWith('xstate.after.')) {
              const name = event.split('.')[2];
              const spec = definition.deadlines[name];
              const leaves = destination.key !== top.key;
              const to = leaves ? destination.key : `${top.key}_${(target as AnyStateNode).key}`;
              // Several timers may lead to one overdue step (each follow-up period of a placement): drawn once.
              if (!leaves && !nodes.some((node) => node.id === to)) {
                const targetMeta = metaOf(target as AnyStateNode);
                nodes.push({
                  id: to,
                  kind: 'timerTask',
                  name: targetMeta?.title ?? to,
                  lane: targetMeta?.lane ?? lane,
                });
                nodes.push({ id: `${to}_end`, kind: 'end', name: 'Flaggad', lane: targetMeta?.lane ?? lane });
                flows.push({ id: `flow_${to}_end`, from: to, to: `${to}_end` });
              }
              timers.push({
                id: `timer_${top.key}_${name}`,
                attachedTo: top.key,
                name: spec?.title ?? name,
                duration: spec?.duration ?? '',
                interrupting: leaves,
                to,
              });
            } else if (destination.key !== top.key) {
              const base = definition.events[event]?.label ?? event;
              const guard = guardName(transition.guard);
              const label =
                transitions.length > 1
                  ? `${base} (${guard ? (definition.guardLabels?.[guard] ?? guard) : 'annars'})`
                  : base;
              outcomes.set(destination.key, [...(outcomes.get(destination.key) ?? []), label]);
            }
          }
        }
      }
    }
    if (outcomes.size > 1) {
      const gateway = `${top.key}_gateway`;
      nodes.push({ id: gateway, kind: 'gateway', name: `${meta?.title ?? top.key}?`, lane });
      flows.push({ id: `flow_${top.key}_gateway`, from: top.key, to: gateway });
      for (const [to, labels] of outcomes) {
        flows.push({
          id: `flow_${gateway}_${to}`,
          from: gateway,
          to,
          name: [...new Set(labels)].join(' / '),
        });
      }
    } else {
      for (const [to, labels] of outcomes) {
        flows.push({
          id: `flow_${top.key}_${to}`,
          from: top.key,
          to,
          name: [...new Set(labels)].join(' / '),
        });
      }
    }
  }
  for (const timer of timers) {
    if (timer.interrupting)
      flows.push({ id: `flow_${timer.id}`, from: timer.id, to: timer.to, name: timer.name });
    else flows.push({ id: `flow_${timer.id}`, from: timer.id, to: timer.to });
  }
  const lanes = [...new Set(nodes.map((n) => n.lane))];
  return { nodes, flows, timers, lanes };
}
