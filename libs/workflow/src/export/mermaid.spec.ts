import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { toMermaid } from './mermaid';

describe.each(PROCESS_DEFINITIONS.map((d) => [d.id, d] as const))('Mermaid export of %s', (_, definition) => {
  it('is a state diagram with a start, every action label, every deadline and an end', () => {
    const text = toMermaid(definition);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('[*] --> ');
    expect(text).toMatch(/ --> \[\*\]/);
    for (const step of Object.values(definition.events)) expect(text).toContain(step.label);
    for (const spec of Object.values(definition.deadlines)) expect(text).toContain(`⏱ ${spec.duration}`);
  });
});
