import type { StateValue } from 'xstate';
import { activeStatePaths } from '../active-tasks';
import type { WorkflowDefinition } from '../definition';
import { toProcessGraph, type GraphNode, type ProcessGraph } from './process-graph';

/** What each lane is called in the diagram, by lane id; a lane without a label shows its id. */
export type LaneLabels = Readonly<Record<string, string>>;

const SIZE = {
  userTask: [100, 80],
  timerTask: [100, 80],
  gateway: [50, 50],
  start: [36, 36],
  end: [36, 36],
} as const;
const COLUMN = 170;
const ROW = 110;
const LANE_HEADER = 30;
const LEFT = LANE_HEADER + 50;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const xmlId = (id: string) => `n_${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Columns by distance from the start event; rows within a lane when several nodes share a column. */
function layout(graph: ProcessGraph): {
  boxes: Map<string, Box>;
  laneTops: Map<string, [number, number]>;
  width: number;
} {
  const rank = new Map<string, number>([['start', 0]]);
  const queue = ['start'];
  const outgoing = (id: string) => [
    ...graph.flows.filter((f) => f.from === id).map((f) => f.to),
    ...graph.timers.filter((t) => t.attachedTo === id).map((t) => t.to),
  ];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const next of outgoing(id)) {
      if (!rank.has(next)) {
        rank.set(next, (rank.get(id) ?? 0) + 1);
        queue.push(next);
      }
    }
  }
  const slots = new Map<string, number>();
  const slotOf = new Map<string, number>();
  for (const node of graph.nodes) {
    const key = `${node.lane}/${rank.get(node.id) ?? 0}`;
    const slot = slots.get(key) ?? 0;
    slots.set(key, slot + 1);
    slotOf.set(node.id, slot);
  }
  const laneTops = new Map<string, [number, number]>();
  let top = 0;
  for (const lane of graph.lanes) {
    const rows = Math.max(
      1,
      ...graph.nodes.filter((n) => n.lane === lane).map((n) => (slotOf.get(n.id) ?? 0) + 1),
    );
    const height = rows * ROW + 40;
    laneTops.set(lane, [top, height]);
    top += height;
  }
  const boxes = new Map<string, Box>();
  let width = 0;
  for (const node of graph.nodes) {
    const [w, h] = SIZE[node.kind];
    const [laneTop] = laneTops.get(node.lane) as [number, number];
    const cx = LEFT + 50 + (rank.get(node.id) ?? 0) * COLUMN;
    const cy = laneTop + 20 + (slotOf.get(node.id) ?? 0) * ROW + ROW / 2;
    boxes.set(node.id, { x: cx - w / 2, y: cy - h / 2, w, h });
    width = Math.max(width, cx + w / 2 + 60);
  }
  return { boxes, laneTops, width };
}

function element(node: GraphNode, graph: ProcessGraph): string {
  const incoming = graph.flows
    .filter((f) => f.to === node.id)
    .map((f) => `<bpmn:incoming>${xmlId(f.id)}</bpmn:incoming>`);
  const outgoing = graph.flows
    .filter((f) => f.from === node.id)
    .map((f) => `<bpmn:outgoing>${xmlId(f.id)}</bpmn:outgoing>`);
  const tag = {
    start: 'startEvent',
    end: 'endEvent',
    gateway: 'exclusiveGateway',
    userTask: 'userTask',
    timerTask: 'userTask',
  }[node.kind];
  return `    <bpmn:${tag} id="${xmlId(node.id)}" name="${escape(node.name)}">${[...incoming, ...outgoing].join('')}</bpmn:${tag}>`;
}

/**
 * BPMN 2.0 XML with a collaboration, one lane per role, user tasks, exclusive
 * gateways with named flows, timer boundary events carrying the ISO-8601
 * duration, end events, and BPMNDI so it opens laid out in bpmn-js or
 * Camunda Modeler. Documentation only: the engine never executes it.
 */
export function toBpmnXml(definition: WorkflowDefinition, laneLabels: LaneLabels): string {
  const graph = toProcessGraph(definition);
  const { boxes, laneTops, width } = layout(graph);
  const pid = `Process_${definition.id.replace(/-/g, '_')}_v${definition.version}`;
  const totalHeight = [...laneTops.values()].reduce((sum, [, h]) => sum + h, 0);

  for (const [i, timer] of graph.timers.entries()) {
    const host = boxes.get(timer.attachedTo) as Box;
    const sameHost = graph.timers.slice(0, i).filter((t) => t.attachedTo === timer.attachedTo).length;
    // Two fit along a task's bottom edge; a third and fourth (a placement's follow-up periods) go along its top.
    const onTop = sameHost >= 2;
    boxes.set(timer.id, {
      x: host.x + 14 + (sameHost % 2) * 40,
      y: onTop ? host.y - 18 : host.y + host.h - 18,
      w: 36,
      h: 36,
    });
  }

  const lanes = graph.lanes.map((lane) => {
    const refs = graph.nodes.filter((n) => n.lane === lane).map((n) => n.id);
    const timers = graph.timers.filter((t) => refs.includes(t.attachedTo)).map((t) => t.id);
    return `      <bpmn:lane id="Lane_${lane}" name="${escape(laneLabels[lane] ?? lane)}">${[
      ...refs,
      ...timers,
    ]
      .map((id) => `<bpmn:flowNodeRef>${xmlId(id)}</bpmn:flowNodeRef>`)
      .join('')}</bpmn:lane>`;
  });
  const timers = graph.timers.map(
    (t) =>
      `    <bpmn:boundaryEvent id="${xmlId(t.id)}" name="${escape(t.name)}" attachedToRef="${xmlId(t.attachedTo)}" cancelActivity="${t.interrupting}">` +
      `<bpmn:outgoing>${xmlId(`flow_${t.id}`)}</bpmn:outgoing>` +
      `<bpmn:timerEventDefinition id="${xmlId(`${t.id}_definition`)}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${escape(t.duration)}</bpmn:timeDuration></bpmn:timerEventDefinition>` +
      `</bpmn:boundaryEvent>`,
  );
  const flows = graph.flows.map(
    (f) =>
      `    <bpmn:sequenceFlow id="${xmlId(f.id)}" sourceRef="${xmlId(f.from)}" targetRef="${xmlId(f.to)}"${f.name ? ` name="${escape(f.name)}"` : ''} />`,
  );

  const shapes = [
    `      <bpmndi:BPMNShape id="Participant_di" bpmnElement="Participant_${pid}" isHorizontal="true"><dc:Bounds x="0" y="0" width="${width}" height="${totalHeight}" /></bpmndi:BPMNShape>`,
    ...graph.lanes.map((lane) => {
      const [top, height] = laneTops.get(lane) as [number, number];
      return `      <bpmndi:BPMNShape id="Lane_${lane}_di" bpmnElement="Lane_${lane}" isHorizontal="true"><dc:Bounds x="${LANE_HEADER}" y="${top}" width="${width - LANE_HEADER}" height="${height}" /></bpmndi:BPMNShape>`;
    }),
    ...[...graph.nodes.map((n) => n.id), ...graph.timers.map((t) => t.id)].map((id) => {
      const b = boxes.get(id) as Box;
      const marker =
        graph.nodes.find((n) => n.id === id)?.kind === 'gateway' ? ' isMarkerVisible="true"' : '';
      return `      <bpmndi:BPMNShape id="${xmlId(id)}_di" bpmnElement="${xmlId(id)}"${marker}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
    }),
  ];
  const edges = graph.flows.map((f) => {
    const from = boxes.get(f.from) as Box;
    const to = boxes.get(f.to) as Box;
    const isTimer = f.from.startsWith('timer_');
    const start = isTimer ? [from.x + from.w / 2, from.y + from.h] : [from.x + from.w, from.y + from.h / 2];
    const end = [to.x, to.y + to.h / 2];
    const points =
      start[1] === end[1]
        ? [start, end]
        : isTimer
          ? [start, [start[0], end[1]], end]
          : [start, [(start[0] + end[0]) / 2, start[1]], [(start[0] + end[0]) / 2, end[1]], end];
    return `      <bpmndi:BPMNEdge id="${xmlId(f.id)}_di" bpmnElement="${xmlId(f.id)}">${points
      .map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`)
      .join('')}</bpmndi:BPMNEdge>`;
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ` id="Definitions_${pid}" targetNamespace="urn:arendemotorn:processes">`,
    `  <bpmn:collaboration id="Collaboration_${pid}"><bpmn:participant id="Participant_${pid}" name="${escape(`${definition.title} (v${definition.version})`)}" processRef="${pid}" /></bpmn:collaboration>`,
    `  <bpmn:process id="${pid}" name="${escape(definition.title)}" isExecutable="false">`,
    `    <bpmn:laneSet id="LaneSet_${pid}">`,
    ...lanes,
    '    </bpmn:laneSet>',
    ...graph.nodes.map((n) => element(n, graph)),
    ...timers,
    ...flows,
    '  </bpmn:process>',
    `  <bpmndi:BPMNDiagram id="Diagram_${pid}"><bpmndi:BPMNPlane id="Plane_${pid}" bpmnElement="Collaboration_${pid}">`,
    ...shapes,
    ...edges,
    '  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

const graphNodes = new WeakMap<WorkflowDefinition, ReadonlySet<string>>();

/**
 * The diagram elements of an instance's current steps, so a client can
 * highlight them: for each active state the most specific node the diagram
 * draws (a timer's overdue task, else its top-level step).
 */
export function activeBpmnElements(definition: WorkflowDefinition, value: StateValue | null): string[] {
  let nodes = graphNodes.get(definition);
  if (!nodes) {
    nodes = new Set(toProcessGraph(definition).nodes.map((node) => node.id));
    graphNodes.set(definition, nodes);
  }
  const elements = new Set<string>();
  for (const path of activeStatePaths(definition, value)) {
    const parts = path.split('.');
    for (let depth = parts.length; depth > 0; depth--) {
      const candidate = parts.slice(0, depth).join('_');
      if (nodes.has(candidate)) {
        elements.add(xmlId(candidate));
        break;
      }
    }
  }
  return [...elements];
}
