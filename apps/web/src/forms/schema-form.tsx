import { Fragment, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, describeError, type FailedRule } from '../api/client';
import type { JsonSchema } from '../api/types';
import { itemName, labelOf, optionLabel, violationText } from './messages';
import { InsatsPicker } from './insats-picker';
import { ReceivingUnitPicker, useReceivingUnitForm } from './receiving-unit';

type Values = Record<string, unknown>;
/** Field path ("items.0.vad") → message, as the API names fields. */
type Errors = Readonly<Record<string, string>>;

export interface SchemaFormProps {
  readonly schema: JsonSchema;
  readonly submitLabel: string;
  readonly initial?: Values;
  readonly onSubmit: (values: Values) => Promise<void>;
  readonly onCancel?: () => void;
  /** What a refusal no field explains says to the user, where the view knows better than the case's words. */
  readonly explainError?: (error: unknown) => string;
  /** The error summary's heading: what could not be done ("Ärendet kunde inte öppnas."). */
  readonly failedHeading?: string;
  /** Why the form can no longer be sent (a colleague took the step): said above it, and saving is off. */
  readonly closedReason?: string;
}

/** The field a step's warnings are acknowledged in: the form fills it when asked, never shows it. */
const ACKNOWLEDGED = 'acknowledgedWarnings';

/** The warnings a refusal carries when it has nothing else: what the sender may read and go on past. */
function warningsOf(error: unknown): FailedRule[] {
  if (!(error instanceof ApiError)) return [];
  const failed = error.details.failed ?? [];
  return failed.length > 0 && failed.every((rule) => rule.warning) && !error.details.violations?.length
    ? failed
    : [];
}

/** At most this many options show as radio buttons; more become a select. */
const MAX_RADIOS = 5;
/** Longer free text gets a text area. */
const TEXTAREA_FROM = 200;

/**
 * A form generated from a step's JSON Schema: labels, help texts, required
 * marks, radio buttons or selects for enums, checkboxes for yes/no and
 * multiple choice, date inputs for dates, and rows for lists of records.
 * Errors (ours before sending, the server's after) show next to the field
 * and in a summary that takes focus.
 */
export function SchemaForm({
  schema: given,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  explainError = describeError,
  failedHeading = 'Det gick inte att spara.',
  closedReason,
}: SchemaFormProps) {
  const id = useId();
  const [entered, setValues] = useState<Values>(() => initialValues(given, initial));
  // A step naming a receiving unit shows that unit's own form once one is chosen.
  const referral = useReceivingUnitForm(given, entered);
  const schema = referral.schema;
  // What the shown schema hides (answers before a unit is chosen) is kept, not sent: choosing again brings it back.
  const values = schema === given ? entered : { ...entered, ...initialValues(schema, entered) };
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const showErrors = (fieldErrors: Errors, general: string[]) => {
    setErrors(fieldErrors);
    setSummary(general);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const [warnings, setWarnings] = useState<FailedRule[]>([]);
  const warningsRef = useRef<HTMLDivElement>(null);

  const send = async (acknowledged: readonly string[]) => {
    if (busy || closedReason) return;
    const missing = missingRequired(schema, values, '');
    if (Object.keys(missing).length > 0) return showErrors(missing, []);
    setBusy(true);
    try {
      const payload = referral.complete(payloadOf(schema, values) as Values);
      await onSubmit(acknowledged.length > 0 ? { ...payload, [ACKNOWLEDGED]: acknowledged } : payload);
      setErrors({});
      setSummary([]);
      setWarnings([]);
    } catch (error) {
      const warned = warningsOf(error);
      if (warned.length > 0) {
        setErrors({});
        setSummary([]);
        setWarnings(warned);
        requestAnimationFrame(() => warningsRef.current?.focus());
        return;
      }
      setWarnings([]);
      referral.refused(error);
      const [fieldErrors, general] = serverErrors(error, schema, explainError);
      showErrors(fieldErrors, general);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send([]);
  };

  const errorCount = Object.keys(errors).length + summary.length;
  return (
    <form noValidate onSubmit={submit} className="schema-form">
      <div
        ref={summaryRef}
        tabIndex={-1}
        className={errorCount > 0 ? 'error-summary' : undefined}
        role="alert"
      >
        {errorCount > 0 && (
          <>
            <p>
              <strong>{failedHeading}</strong>
            </p>
            <ul>
              {summary.map((text) => (
                <li key={text}>{text}</li>
              ))}
              {Object.entries(errors).map(([path, text]) => (
                <li key={path}>
                  <a href={`#${fieldId(id, path)}`}>
                    {titleAt(schema, path)}: {text}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {warnings.length > 0 && (
        <div ref={warningsRef} tabIndex={-1} className="warning" role="alert">
          <p>
            <strong>Läs innan du sparar:</strong>
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning.id}>
                {warning.field && schemaAt(schema, warning.field) && (
                  <>
                    <a href={`#${fieldId(id, warning.field)}`}>{titleAt(schema, warning.field)}</a>:{' '}
                  </>
                )}
                {warning.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void send(warnings.map((warning) => warning.id))}
          >
            Jag har läst varningen, spara ändå
          </button>
        </div>
      )}
      {referral.problem && <p role="alert">{referral.problem}</p>}
      {closedReason && (
        <p role="alert" className="warning">
          {closedReason}
        </p>
      )}
      {Object.keys(schema.properties ?? {}).filter((name) => name !== ACKNOWLEDGED).length === 0 && (
        <p>Steget har inga uppgifter att fylla i.</p>
      )}
      <ObjectFields
        schema={schema}
        path=""
        value={values}
        onChange={(next) => setValues(next as Values)}
        errors={errors}
        formId={id}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || closedReason !== undefined}
          aria-disabled={busy || closedReason !== undefined}
        >
          {busy ? 'Sparar…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Avbryt
          </button>
        )}
      </div>
    </form>
  );
}

const fieldId = (formId: string, path: string) => `${formId}-${path.replace(/\./g, '-')}`;

interface FieldProps {
  readonly schema: JsonSchema;
  readonly path: string;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly errors: Errors;
  readonly formId: string;
}

function ObjectFields({ schema, path, value, onChange, errors, formId }: FieldProps) {
  const object = (value ?? {}) as Values;
  const fields = Object.entries(schema.properties ?? {}).filter(
    ([name]) => path !== '' || name !== ACKNOWLEDGED,
  );
  const field = ([name, property]: [string, JsonSchema]) => (
    <Field
      key={name}
      name={name}
      required={schema.required?.includes(name) ?? false}
      schema={property}
      path={path ? `${path}.${name}` : name}
      value={object[name]}
      onChange={(next) => onChange(withSourcesFollowed(schema, object, { ...object, [name]: next }))}
      errors={errors}
      formId={formId}
    />
  );
  return (
    <>
      {sectionsOf(fields).map(({ title, members }) =>
        title ? (
          <fieldset key={`section-${members[0][0]}`} className="form-section">
            <legend>{title}</legend>
            {members.map(field)}
          </fieldset>
        ) : (
          <Fragment key={`fields-${members[0][0]}`}>{members.map(field)}</Fragment>
        ),
      )}
    </>
  );
}

const at = (values: Values, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (isValues(value) ? value[key] : undefined), values);

/**
 * A field that starts from another (`x-startsFrom`: the referral's criminal
 * background from what was written under Socialt) shows what was written
 * there, until its own text is more than that.
 */
function withSourcesFollowed(schema: JsonSchema, before: Values, after: Values): Values {
  let next = after;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const source = property['x-startsFrom'];
    if (!source) continue;
    const [was, now] = [at(before, source), at(after, source)];
    const own = after[name];
    if (was !== now && (own === undefined || own === '' || own === was)) next = { ...next, [name]: now };
  }
  return next;
}

/** Fields in runs of the same `x-section`: a long form (the referral's) read under its own headings. */
function sectionsOf(fields: [string, JsonSchema][]) {
  const sections: { title?: string; members: [string, JsonSchema][] }[] = [];
  for (const entry of fields) {
    const title = entry[1]['x-section'];
    const last = sections.at(-1);
    if (last && last.title === title) last.members.push(entry);
    else sections.push({ title, members: [entry] });
  }
  return sections;
}

function Field(props: FieldProps & { readonly name: string; readonly required: boolean }) {
  const { schema, path, value, onChange, errors, formId, name, required } = props;
  const id = fieldId(formId, path);
  const label = labelOf(name, schema);
  const error = errors[path];
  const help = schema.description;
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
  const mark = required ? (
    <span className="required"> (obligatoriskt)</span>
  ) : (
    <span className="optional"> (frivilligt)</span>
  );
  const notes = (
    <>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
  const labelled = (control: ReactNode) => (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {mark}
      </label>
      {notes}
      {control}
    </div>
  );
  const group = (legendText: ReactNode, body: ReactNode) => (
    <fieldset
      className={error ? 'field invalid' : 'field'}
      aria-describedby={describedBy}
      id={id}
      tabIndex={-1}
    >
      <legend>{legendText}</legend>
      {notes}
      {body}
    </fieldset>
  );

  if (schema.type === 'boolean') {
    return (
      <div className={error ? 'field checkbox invalid' : 'field checkbox'}>
        <input
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
        {notes}
      </div>
    );
  }

  if (schema['x-insats'])
    return labelled(<InsatsPicker control={common} value={value} onChange={onChange} />);
  if (schema['x-receivingUnit'])
    return labelled(
      <ReceivingUnitPicker control={common} schema={schema} value={value} onChange={onChange} />,
    );

  const options = schema.enum;
  if (options) {
    const chosen = value === undefined ? '' : String(value);
    const pick = (raw: string) => {
      const match = options.find((option) => String(option) === raw);
      onChange(match);
    };
    if (options.length <= MAX_RADIOS) {
      return group(
        <>
          {label}
          {mark}
        </>,
        <div className="options">
          {options.map((option) => (
            <div key={String(option)} className="option">
              <input
                type="radio"
                id={`${id}-${String(option)}`}
                name={id}
                value={String(option)}
                checked={chosen === String(option)}
                onChange={() => pick(String(option))}
              />
              <label htmlFor={`${id}-${String(option)}`}>{optionLabel(schema, option)}</label>
            </div>
          ))}
        </div>,
      );
    }
    return labelled(
      <select {...common} value={chosen} onChange={(e) => pick(e.target.value)}>
        <option value="">Välj…</option>
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {optionLabel(schema, option)}
          </option>
        ))}
      </select>,
    );
  }

  if (schema.type === 'array' && schema.items?.enum) {
    const items = schema.items;
    const chosen = Array.isArray(value) ? (value as unknown[]) : [];
    return group(
      <>
        {label}
        {mark}
      </>,
      <div className="options">
        {items.enum?.map((option) => (
          <div key={String(option)} className="option">
            <input
              type="checkbox"
              id={`${id}-${String(option)}`}
              checked={chosen.includes(option)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option))
              }
            />
            <label htmlFor={`${id}-${String(option)}`}>
              {optionLabel(
                { ...items, 'x-enumLabels': schema['x-enumLabels'] ?? items['x-enumLabels'] },
                option,
              )}
            </label>
          </div>
        ))}
      </div>,
    );
  }

  if (schema.type === 'array' && schema.items) {
    return group(
      <>
        {label}
        {mark}
      </>,
      <Rows {...props} label={label} />,
    );
  }

  if (schema.type === 'object' && schema.properties) {
    return group(label, <ObjectFields {...props} />);
  }

  const isNumber = schema.type === 'integer' || schema.type === 'number';
  const text = value === undefined || value === null ? '' : String(value);
  const long =
    schema.type === 'string' && schema.format !== 'date' && (schema.maxLength ?? 0) > TEXTAREA_FROM;
  return labelled(
    long ? (
      <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
    ) : (
      <input
        {...common}
        type={schema.format === 'date' ? 'date' : isNumber ? 'number' : 'text'}
        {...(isNumber
          ? { inputMode: 'numeric' as const, min: schema.minimum, max: schema.maximum, step: 1 }
          : {})}
        {...(schema.maxLength ? { maxLength: schema.maxLength } : {})}
        {...(schema['x-notAfterToday'] ? { max: todayInSweden() } : {})}
        value={text}
        onChange={(e) =>
          onChange(isNumber && e.target.value !== '' ? Number(e.target.value) : e.target.value)
        }
      />
    ),
  );
}

/** A list of records or of texts: one row each, added and removed with buttons. */
function Rows(props: FieldProps & { readonly label: string }) {
  const { schema, path, value, onChange, errors, formId, label } = props;
  const rows = Array.isArray(value) ? (value as unknown[]) : [];
  const item = schema.items as JsonSchema;
  const named = itemName(label, schema);
  const title = named.name.charAt(0).toUpperCase() + named.name.slice(1);
  const canAdd = schema.maxItems === undefined || rows.length < schema.maxItems;
  return (
    <div className="rows">
      {rows.map((row, index) => (
        <div key={index} className="row">
          {item.type === 'object' ? (
            <fieldset>
              <legend>
                {label}, rad {index + 1}
              </legend>
              <ObjectFields
                schema={item}
                path={`${path}.${index}`}
                value={row}
                onChange={(next) => onChange(rows.map((r, i) => (i === index ? next : r)))}
                errors={errors}
                formId={formId}
              />
            </fieldset>
          ) : (
            <Field
              name={`${title} ${index + 1}`}
              schema={{ ...item, title: `${title} ${index + 1}` }}
              required
              path={`${path}.${index}`}
              value={row}
              onChange={(next) => onChange(rows.map((r, i) => (i === index ? next : r)))}
              errors={errors}
              formId={formId}
            />
          )}
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            Ta bort {named.name} {index + 1}
          </button>
        </div>
      ))}
      {canAdd && (
        <button type="button" onClick={() => onChange([...rows, emptyValue(item)])}>
          Lägg till {named.one}
        </button>
      )}
    </div>
  );
}

function emptyValue(schema: JsonSchema): unknown {
  if (schema.type === 'boolean') return false;
  if (schema.type === 'array') return [];
  if (schema.type === 'object') return initialValues(schema, undefined);
  if (schema.enum || schema.type === 'integer' || schema.type === 'number') return undefined;
  return '';
}

/**
 * Every field of the schema, from `initial` where it gives one: objects
 * and rows of objects are filled out field by field, so a suggestion that
 * names some fields (the hours reported, the plan's goals) leaves the
 * others empty rather than missing.
 */
function initialValues(schema: JsonSchema, initial: Values | undefined): Values {
  const values: Values = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const given = initial?.[name];
    if (given !== undefined && property.type === 'object' && isValues(given))
      values[name] = initialValues(property, given);
    else if (given !== undefined && property.items?.type === 'object' && Array.isArray(given))
      values[name] = given.map((row) => initialValues(property.items!, isValues(row) ? row : undefined));
    else if (given !== undefined) values[name] = given;
    else if (property.type === 'array' && property.items?.type === 'object' && (property.minItems ?? 0) > 0)
      values[name] = [emptyValue(property.items)];
    else values[name] = emptyValue(property);
  }
  return values;
}

const isValues = (value: unknown): value is Values =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Required fields left empty, checked before sending so the user need not wait for the server. */
function missingRequired(schema: JsonSchema, values: unknown, path: string): Record<string, string> {
  const missing: Record<string, string> = {};
  const object = (values ?? {}) as Values;
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const at = path ? `${path}.${name}` : name;
    const value = object[name];
    const required = schema.required?.includes(name) ?? false;
    if (required && isEmpty(value))
      missing[at] = property.enum ? 'Välj ett alternativ.' : 'Fältet måste fyllas i.';
    else if (property.type === 'array' && Array.isArray(value)) {
      if (required && value.length < (property.minItems ?? 0))
        missing[at] = property.items?.enum
          ? 'Välj minst ett alternativ.'
          : `Lägg till minst ${property.minItems}.`;
      value.forEach((row, index) => {
        if (property.items?.type === 'object')
          Object.assign(missing, missingRequired(property.items, row, `${at}.${index}`));
        else if (isEmpty(row)) missing[`${at}.${index}`] = 'Fyll i eller ta bort raden.';
      });
    }
  }
  return missing;
}

/** What is sent: empty optional fields left out, text trimmed. */
function payloadOf(schema: JsonSchema, values: unknown): unknown {
  if (schema.type === 'object' || schema.properties) {
    const object = (values ?? {}) as Values;
    const out: Values = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const value = object[name];
      if (isEmpty(value)) continue;
      const given = payloadOf(property, value);
      // An optional group left blank (a self-rating not made) is left out, not sent empty.
      const blankGroup =
        typeof given === 'object' &&
        given !== null &&
        !Array.isArray(given) &&
        Object.keys(given).length === 0;
      if (blankGroup && !schema.required?.includes(name)) continue;
      out[name] = given;
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(values))
    return values.map((row) => (schema.items ? payloadOf(schema.items, row) : row));
  if (typeof values === 'string') return values.trim();
  return values;
}

function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const part of path.split('.')) {
    if (!current) return undefined;
    current = /^\d+$/.test(part) ? current.items : current.properties?.[part];
  }
  return current;
}

function titleAt(schema: JsonSchema, path: string): string {
  const parts = path.split('.');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (/^\d+$/.test(part)) names.push(`rad ${Number(part) + 1}`);
    else {
      const at = schemaAt(schema, parts.slice(0, i + 1).join('.'));
      names.push(at ? labelOf(part, at) : part);
    }
  }
  return names.join(', ');
}

/** The server's answer as field errors (validation, failed rules) and general messages. */
function serverErrors(
  error: unknown,
  schema: JsonSchema,
  explain: (error: unknown) => string,
): [Record<string, string>, string[]] {
  if (!(error instanceof ApiError)) return [{}, [explain(error)]];
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const violation of error.details.violations ?? []) {
    const path = violation.field.replace(/^payload\.?/, '');
    if (path && schemaAt(schema, path)) fields[path] ??= violationText(violation, schemaAt(schema, path));
    else general.push(violationText(violation, undefined));
  }
  for (const rule of error.details.failed ?? []) {
    if (rule.field && schemaAt(schema, rule.field)) fields[rule.field] = rule.message;
    else general.push(rule.message);
  }
  if (Object.keys(fields).length === 0 && general.length === 0) general.push(explain(error));
  return [fields, general];
}

/** Today on the Swedish calendar, as a date input's `max`: the server refuses a later day by the same calendar. */
function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}
