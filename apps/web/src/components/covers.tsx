import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { api, ApiError, describeError, serverNow } from '../api/client';
import type { UnitCovers } from '../api/types';
import { formatDateTime } from '../format';
import { violationText } from '../forms/messages';
import { unitsWhere } from '../roles';
import { useMe } from '../signed-in';
import { useSocialWorkers } from '../staff';
import { useResource } from '../use-resource';
import { TableRegion } from './table-region';

type Cover = UnitCovers['covers'][number];
type Field = 'absentId' | 'coverId' | 'from' | 'until';
const FIELDS: readonly Field[] = ['absentId', 'coverId', 'from', 'until'];
interface Control {
  readonly id: string;
  readonly value: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
  readonly onChange: (event: { target: { value: string } }) => void;
}
const LABELS: Readonly<Record<Field, string>> = {
  absentId: 'Frånvarande socialsekreterare',
  coverId: 'Vikarie',
  from: 'Från och med',
  until: 'Till och med',
};

/** Today as the server's calendar says it, in Stockholm, for the first day a cover can start. */
const today = () => serverNow().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Each refusal beside the field it concerns; what names no field is said above the button. */
function refusalsOf(error: unknown): { fields: Partial<Record<Field, string>>; general?: string } {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422))
    return { fields: {}, general: describeError(error) };
  const fields: Partial<Record<Field, string>> = {};
  const said = (field: string, text: string) => {
    if (!(FIELDS as readonly string[]).includes(field)) return false;
    fields[field as Field] = [fields[field as Field], text].filter(Boolean).join(' ');
    return true;
  };
  const unplaced = [
    ...(error.details.violations ?? []).filter((v) => !said(v.field, violationText(v, undefined))),
    ...(error.details.failed ?? []).filter((f) => !said(f.field ?? '', f.message)),
  ];
  return unplaced.length > 0 ? { fields, general: describeError(error, LABELS) } : { fields };
}

/**
 * Who covers for an absent social worker, granted by the biträdande
 * enhetschef for at most three months; the granter also ends it early.
 */
export function CoversSection({ unit }: { readonly unit: string }) {
  const id = useId();
  const grants = unitsWhere(useMe(), ['bitradande_enhetschef']).includes(unit);
  const [version, setVersion] = useState(0);
  const covers = useResource(
    (signal) => api<UnitCovers>(`/api/units/${encodeURIComponent(unit)}/covers`, { signal }),
    [unit, version],
  );
  const workers = useSocialWorkers([unit]);
  const [status, setStatus] = useState('');
  const [form, setForm] = useState<Record<Field, string>>({
    absentId: '',
    coverId: '',
    from: today(),
    until: '',
  });
  const [refusals, setRefusals] = useState<ReturnType<typeof refusalsOf>>({ fields: {} });
  const base = `/api/units/${encodeURIComponent(unit)}/covers`;

  const grant = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const answer = await api<UnitCovers>(base, { method: 'POST', body: form });
      const granted = answer.covers.find((c) => c.absentId === form.absentId && c.coverId === form.coverId);
      setRefusals({ fields: {} });
      setStatus(
        granted
          ? `${granted.coverName} är vikarie för ${granted.absentName} ${granted.from}–${granted.until}.`
          : 'Behörigheten är given.',
      );
      setVersion((v) => v + 1);
    } catch (error) {
      setRefusals(refusalsOf(error));
      setStatus('');
    }
  };

  const end = async (cover: Cover) => {
    try {
      await api(`${base}/end`, {
        method: 'POST',
        body: { absentId: cover.absentId, coverId: cover.coverId },
      });
      setStatus(`${cover.coverName} är inte längre vikarie för ${cover.absentName}.`);
    } catch (error) {
      setStatus(describeError(error));
    }
    setVersion((v) => v + 1);
  };

  const field = (name: Field, input: (control: Control) => ReactElement) => {
    const error = refusals.fields[name];
    const common: Control = {
      id: `${id}-${name}`,
      value: form[name],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-${name}-error` : undefined,
      onChange: (e) => setForm({ ...form, [name]: e.target.value }),
    };
    return (
      <div className="field">
        <label htmlFor={common.id}>{LABELS[name]}</label>
        {input(common)}
        {error && (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const workerSelect = (common: Control) => (
    <select {...common}>
      <option value="">Välj socialsekreterare</option>
      {workers.data?.map((worker) => (
        <option key={worker.id} value={worker.id}>
          {worker.name}
        </option>
      ))}
    </select>
  );

  return (
    <section aria-labelledby={`${id}-vikarier`}>
      <h2 id={`${id}-vikarier`}>Vikarier vid frånvaro</h2>
      <p>
        Vikarien ser den frånvarandes uppgifter bland sina egna och hennes eller hans pågående ärenden under
        perioden. Allt vikarien läser loggas.
      </p>
      <p role="status">{status}</p>
      {covers.error !== undefined && <p role="alert">{describeError(covers.error)}</p>}
      {grants && (
        <form noValidate onSubmit={(event) => void grant(event)} aria-label="Ge en vikarie behörighet">
          {field('absentId', workerSelect)}
          {field('coverId', workerSelect)}
          {field('from', (common) => (
            <input type="date" {...common} />
          ))}
          {field('until', (common) => (
            <input type="date" {...common} />
          ))}
          {refusals.general && (
            <p role="alert" className="field-error">
              {refusals.general}
            </p>
          )}
          <button type="submit">Ge behörighet</button>
        </form>
      )}
      {!covers.data ? (
        <p>Hämtar vikarierna…</p>
      ) : covers.data.covers.length === 0 ? (
        <p>Ingen är vikarie för någon just nu.</p>
      ) : (
        <TableRegion label="Vikarier och perioder">
          <table>
            <caption>Vikarier och perioder</caption>
            <thead>
              <tr>
                <th scope="col">Vikarie</th>
                <th scope="col">För</th>
                <th scope="col">Period</th>
                <th scope="col">Beviljad av</th>
                {grants && <th scope="col">Åtgärd</th>}
              </tr>
            </thead>
            <tbody>
              {covers.data.covers.map((cover) => (
                <tr key={`${cover.absentId}/${cover.coverId}`}>
                  <th scope="row">{cover.coverName}</th>
                  <td>{cover.absentName}</td>
                  <td>
                    {cover.from} – {cover.until}
                  </td>
                  <td>
                    {cover.grantedByName} <span className="muted">({formatDateTime(cover.grantedAt)})</span>
                  </td>
                  {grants && (
                    <td>
                      <button
                        type="button"
                        aria-label={`Avsluta nu: ${cover.coverName} som vikarie för ${cover.absentName}`}
                        onClick={() => void end(cover)}
                      >
                        Avsluta nu
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
