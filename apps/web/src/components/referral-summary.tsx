import type { JsonSchema } from '../api/types';
import { labelOf, optionLabel } from '../forms/messages';

type Answers = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Answers =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The answers in runs of the form's sections; answers the form no longer asks come last, under their own heading. */
function sectionsOf(form: JsonSchema | undefined, answers: Answers) {
  const asked = Object.entries(form?.properties ?? {});
  const sections: { title: string; fields: [string, JsonSchema | undefined][] }[] = [];
  for (const [name, schema] of asked) {
    const title = schema['x-section'] ?? 'Sammanfattning';
    const last = sections.at(-1);
    if (last && last.title === title) last.fields.push([name, schema]);
    else sections.push({ title, fields: [[name, schema]] });
  }
  const other = Object.keys(answers).filter((name) => !form?.properties?.[name]);
  if (other.length > 0)
    sections.push({
      title: form ? 'Svar som formuläret inte längre frågar efter' : 'Svar',
      fields: other.map((name) => [name, undefined]),
    });
  return sections;
}

/**
 * The de-identified summary section by section, each answer under the
 * receiving unit's own label and each choice by its name, as the sender
 * saw them when writing it.
 */
export function ReferralSummary({
  answers,
  form,
  headingLevel: Heading = 'h3',
}: {
  readonly answers: Answers;
  /** The unit's form as a schema; without it the answers are shown under their field names. */
  readonly form: JsonSchema | undefined;
  readonly headingLevel?: 'h3' | 'h4';
}) {
  return (
    <>
      {sectionsOf(form, answers).map((section) => (
        <div key={section.title} className="summary-section">
          <Heading>{section.title}</Heading>
          <dl className="answers">
            {section.fields.map(([name, schema]) => (
              <div key={name} className="answer">
                <dt>{labelOf(name, schema ?? {})}</dt>
                <dd>
                  <AnswerValue schema={schema} value={answers[name]} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

/** One answer as its schema describes it: a choice by name, a text as written, parts under their own labels. */
function AnswerValue({
  schema,
  value,
}: {
  readonly schema: JsonSchema | undefined;
  readonly value: unknown;
}) {
  if (isBlank(value)) return <span className="muted">Inte besvarad</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">Inget valt</span>;
    const items = schema?.items;
    if (value.every((item) => !isRecord(item)))
      return (
        <>{value.map((item) => (items ? optionLabel(items, item as string) : String(item))).join(', ')}</>
      );
    return (
      <ol className="answer-rows">
        {value.map((row, index) => (
          <li key={index}>
            <AnswerValue schema={items} value={row} />
          </li>
        ))}
      </ol>
    );
  }
  if (isRecord(value)) {
    const names = schema?.properties ? Object.keys(schema.properties) : Object.keys(value);
    return (
      <dl className="answer-parts">
        {names.map((name) => (
          <div key={name}>
            <dt>{labelOf(name, schema?.properties?.[name] ?? {})}</dt>
            <dd>
              <AnswerValue schema={schema?.properties?.[name]} value={value[name]} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (schema?.enum || schema?.['x-enumLabels'])
    return <>{optionLabel(schema, value as string | number | boolean)}</>;
  return <span className="prewrap">{String(value)}</span>;
}
