import type { Locator } from 'playwright-core';

/** The parts of a JSON Schema the referral form is made of. */
export interface FormSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, FormSchema>>;
  readonly items?: FormSchema;
}

/** The generated form's control for a field path: its id ends in the path, dots as dashes. */
const control = (form: Locator, path: string) => form.locator(`[id$="-${path.replaceAll('.', '-')}"]`);

/**
 * Fills the referral form's answers from a set of answers, field by field
 * as the form's schema lays them out: a fixture for the ~27 fields a test
 * is not about. Radio buttons and checkboxes are checked by their option,
 * a long choice list selected, rows added with the form's own button.
 */
export async function fillAnswers(
  form: Locator,
  schema: FormSchema,
  value: unknown,
  path = 'answers',
): Promise<void> {
  if (schema.enum) {
    const field = control(form, path);
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT')
      await field.selectOption(String(value));
    else await control(form, `${path}.${String(value)}`).check();
  } else if (schema.type === 'array' && schema.items?.enum) {
    for (const option of value as unknown[]) await control(form, `${path}.${String(option)}`).check();
  } else if (schema.type === 'array') {
    const rows = value as unknown[];
    for (const [index, row] of rows.entries()) {
      await control(form, path)
        .getByRole('button', { name: /^Lägg till/ })
        .click();
      await fillAnswers(form, schema.items ?? {}, row, `${path}.${index}`);
    }
  } else if (schema.type === 'object') {
    for (const [name, part] of Object.entries(value as Record<string, unknown>))
      await fillAnswers(form, schema.properties?.[name] ?? {}, part, `${path}.${name}`);
  } else await control(form, path).fill(String(value));
}
