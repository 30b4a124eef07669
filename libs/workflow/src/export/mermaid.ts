import type { AnyStateNode } from 'xstate';
import type { StateMeta, WorkflowDefinition } from '../definition';

const mermaidId = (node: AnyStateNode) => node.id.replace(/[^A-Za-z0-9_]/g, '_');
const quote = (text: string) => text.replace(/"/g, "'");

/** A Mermaid state diagram of the machine, with Swedish titles and action labels, for the docs. */
export function toMermaid(definition: WorkflowDefinition): string {
  const lines = ['stateDiagram-v2'];
  const edges: string[] = [];

  const walk = (parent: AnyStateNode, indent: string) => {
    const children = Object.values(parent.states) as AnyStateNode[];
    const initial = parent.config.initial;
    if (initial !== undefined && parent.type !== 'parallel') {
      lines.push(`${indent}[*] --> ${mermaidId(parent.states[String(initial)] as AnyStateNode)}`);
    }
    for (const child of children) {
      const title = (child.meta as StateMeta | undefined)?.title ?? child.key;
      if (Object.keys(child.states).length > 0) {
        lines.push(`${indent}state "${quote(title)}" as ${mermaidId(child)} {`);
        walk(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${mermaidId(child)}: ${quote(title)}`);
      }
      if (child.type === 'final') edges.push(`${mermaidId(child)} --> [*]`);
      for (const [event, transitions] of child.transitions) {
        for (const transition of transitions) {
          // A transition with no target keeps the state (it records something): a loop in the diagram.
          for (const target of transition.target ?? [child]) {
            const label = event.startsWith('xstate.after.')
              ? `⏱ ${definition.deadlines[event.split('.')[2]]?.duration ?? ''}`
              : (definition.events[event]?.label ?? event);
            edges.push(`${mermaidId(child)} --> ${mermaidId(target as AnyStateNode)}: ${quote(label)}`);
          }
        }
      }
    }
  };
  walk(definition.machine.root as AnyStateNode, '  ');
  return [...lines, ...edges.map((edge) => `  ${edge}`)].join('\n');
}
