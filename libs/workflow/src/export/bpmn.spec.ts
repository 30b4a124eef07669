import BpmnModdle from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '@app/engine';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { toBpmnXml } from './bpmn';

describe.each(PROCESS_DEFINITIONS.map((d) => [d.id, d] as const))('BPMN export of %s', (_, definition) => {
  it('parses with bpmn-moddle with zero warnings', async () => {
    const { warnings } = await new BpmnModdle().fromXML(toBpmnXml(definition, ROLE_LABELS));
    expect(warnings.map((w) => w.message)).toEqual([]);
  });

  it('has a lane per role, a start, user tasks, end events and a diagram shape for every element', async () => {
    const xml = toBpmnXml(definition, ROLE_LABELS);
    const { elementsById } = await new BpmnModdle().fromXML(xml);
    const types = Object.values(elementsById).map((e) => e.$type);
    for (const type of [
      'bpmn:Collaboration',
      'bpmn:Lane',
      'bpmn:StartEvent',
      'bpmn:UserTask',
      'bpmn:EndEvent',
    ]) {
      expect(types).toContain(type);
    }
    const drawn = Object.entries(elementsById).filter(([, e]) =>
      /^bpmn:(\w*Task|\w*Event|\w*Gateway|SequenceFlow|Lane)$/.test(e.$type),
    );
    expect(drawn.length).toBeGreaterThan(5);
    for (const [id] of drawn) expect(xml).toContain(`bpmnElement="${id}"`);
  });

  it('puts a timer with its ISO-8601 duration on the boundary for every deadline', () => {
    const xml = toBpmnXml(definition, ROLE_LABELS);
    for (const spec of Object.values(definition.deadlines)) {
      expect(xml).toContain(
        `<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${spec.duration}</bpmn:timeDuration>`,
      );
    }
    expect((xml.match(/<bpmn:boundaryEvent /g) ?? []).length).toBe(Object.keys(definition.deadlines).length);
  });
});

describe('BPMN export details', () => {
  const byId = (id: string) => PROCESS_DEFINITIONS.find((d) => d.id === id)!;

  it('names each outcome of the category gateway in rehab-handledning', () => {
    const xml = toBpmnXml(byId('rehab-handledning'), ROLE_LABELS);
    expect(xml).toContain('<bpmn:exclusiveGateway id="n_progressionsplan_gateway"');
    expect(xml).toContain('name="Dela progressionsplan (kategori 1-2)"');
    expect(xml).toContain('name="Dela progressionsplan (annars)"');
  });

  it('makes the CM 12-month limit interrupting and the förtroendeläkare reminder non-interrupting', () => {
    expect(toBpmnXml(byId('case-manager'), ROLE_LABELS)).toMatch(
      /name="Insatsen avslutas senast efter 12 månader" attachedToRef="n_insats" cancelActivity="true"/,
    );
    expect(toBpmnXml(byId('fortroendelakare'), ROLE_LABELS)).toMatch(
      /attachedToRef="n_uppfoljning" cancelActivity="false"/,
    );
  });
});
