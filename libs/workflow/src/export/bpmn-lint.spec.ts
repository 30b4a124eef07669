import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '@app/engine';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { bpmnLintFailures, lintBpmn } from '../testing/bpmn-lint';
import { toBpmnXml } from './bpmn';

describe.each(PROCESS_DEFINITIONS.map((d) => [d.id, d] as const))('bpmnlint of %s', (_, definition) => {
  it('passes the recommended rules with no errors and only the accepted warnings', async () => {
    expect(await bpmnLintFailures(toBpmnXml(definition, ROLE_LABELS))).toEqual([]);
  });
});

describe('bpmnlint itself', () => {
  it('reports a duplicate sequence flow, so the check above can fail', async () => {
    const xml = toBpmnXml(PROCESS_DEFINITIONS[0], ROLE_LABELS).replace(
      /(<bpmn:sequenceFlow id="n_flow_start" [^>]*\/>)/,
      '$1\n    <bpmn:sequenceFlow id="n_flow_start_twice" sourceRef="n_start" targetRef="n_impuls" />',
    );
    expect(await lintBpmn(xml)).toContainEqual(
      expect.objectContaining({
        rule: 'no-duplicate-sequence-flows',
        id: 'n_flow_start_twice',
        category: 'error',
      }),
    );
    expect(await bpmnLintFailures(xml)).toContainEqual(expect.stringContaining('n_flow_start_twice'));
  });
});
