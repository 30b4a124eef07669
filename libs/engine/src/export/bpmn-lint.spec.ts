import BpmnModdle from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { toBpmnXml } from './bpmn';

/**
 * Warnings kept on purpose: a flow out of a task carries the name of the
 * action that takes it ("Registrera impuls"), which the recommended rules
 * call superfluous, and case-manager's two ways to "Avböjd" end on one end
 * event, which they call a fake join. Any other finding fails.
 */
const ACCEPTED_WARNINGS = new Set(['superfluous-label', 'fake-join']);

/**
 * A new Linter for every diagram: the rules keep state between lint() calls
 * (no-duplicate-sequence-flows remembers every flow it has seen), so one
 * linter across the six exports reports flows of one process as duplicates
 * of another's.
 */
async function lint(xml: string) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ ...r, rule })));
}

describe.each(PROCESS_DEFINITIONS.map((d) => [d.id, d] as const))('bpmnlint of %s', (_, definition) => {
  it('passes the recommended rules with no errors and only the accepted warnings', async () => {
    const findings = await lint(toBpmnXml(definition));
    expect(findings.filter((f) => f.category === 'error')).toEqual([]);
    expect(findings.filter((f) => !ACCEPTED_WARNINGS.has(f.rule)).map((f) => `${f.rule} ${f.id}`)).toEqual(
      [],
    );
  });
});

describe('bpmnlint itself', () => {
  it('reports a duplicate sequence flow, so the check above can fail', async () => {
    const xml = toBpmnXml(PROCESS_DEFINITIONS[0]).replace(
      /(<bpmn:sequenceFlow id="n_flow_start" [^>]*\/>)/,
      '$1\n    <bpmn:sequenceFlow id="n_flow_start_twice" sourceRef="n_start" targetRef="n_impuls" />',
    );
    const findings = await lint(xml);
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'no-duplicate-sequence-flows',
        id: 'n_flow_start_twice',
        category: 'error',
      }),
    );
  });
});
