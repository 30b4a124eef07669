import BpmnModdle from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';

/**
 * Warnings kept on purpose: a flow out of a task carries the name of the
 * action that takes it ("Registrera impuls"), which the recommended rules
 * call superfluous, and case-manager's two ways to "Avböjd" end on one end
 * event, which they call a fake join (ADR 0008).
 */
export const ACCEPTED_BPMN_WARNINGS: ReadonlySet<string> = new Set(['superfluous-label', 'fake-join']);

/**
 * bpmnlint's recommended rules over one diagram, each finding with its rule.
 * A new Linter every time: the rules keep state between lint() calls
 * (no-duplicate-sequence-flows remembers every flow it has seen), so one
 * linter across several exports reports flows of one process as
 * duplicates of another's.
 */
export async function lintBpmn(xml: string) {
  const { rootElement } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ ...r, rule })));
}

/** The findings that fail a diagram: every error, and any warning not accepted above. */
export async function bpmnLintFailures(xml: string): Promise<string[]> {
  return (await lintBpmn(xml))
    .filter((f) => f.category === 'error' || !ACCEPTED_BPMN_WARNINGS.has(f.rule))
    .map((f) => `${f.category} ${f.rule} ${f.id}: ${f.message}`);
}
