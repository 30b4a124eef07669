import { useEffect, useRef, useState } from 'react';
import { api, ApiError, newAttemptKey } from '../api/client';
import type { JsonSchema, ReceivedReferralDetail, ReceivingUnit, ReferralStepResult } from '../api/types';
import { ReferralActions } from '../components/referral-actions';
import {
  REFERRAL_STEPS,
  referralError,
  useReferralProcess,
  type ReferralProcess,
} from '../components/referral-process';
import { ReferralSummary } from '../components/referral-summary';
import { formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';

/** What the API answers for a sealed value the reader may not open. */
const WITHHELD = '[skyddad]';

function loadError(error: unknown): string {
  if (error instanceof ApiError && error.status === 400)
    return 'Länken har inget giltigt aktualiseringsnummer. Ett nummer ser ut som 3F9A-1C2B-77D0.';
  if (error instanceof ApiError && error.status === 403)
    return 'Aktualiseringar läses bara av den mottagande enhetens mottagning och Beredningsgrupp.';
  return referralError(error);
}

/**
 * One referral as the receiving unit reads it (referral.md): the sender
 * block, the de-identified summary under the unit's own headings and
 * labels, the komplettering thread, the decision, and the steps the reader
 * may take now. Reading it is logged by the API.
 */
export function ReceivedReferralView({ referralNumber }: { readonly referralNumber: string }) {
  usePageTitle(`Aktualisering ${referralNumber}`);
  const path = `/api/referrals/received/${encodeURIComponent(referralNumber)}`;
  const detail = useResource((signal) => api<ReceivedReferralDetail>(path, { signal }), [path]);
  const units = useResource(
    (signal) => api<{ items: ReceivingUnit[] }>('/api/referral-units', { signal }),
    [],
  );
  const { process } = useReferralProcess();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The answer shown when a step was taken: once a fresher one has replaced it, the step's form is gone too.
  const [focusAfter, setFocusAfter] = useState<unknown>(undefined);
  useEffect(() => {
    if (focusAfter === undefined || detail.data === focusAfter) return;
    statusRef.current?.focus();
    setFocusAfter(undefined);
  }, [detail.data, focusAfter]);

  const heading = <h1>Aktualisering {referralNumber}</h1>;
  const back = (
    <p className="subnav">
      <Link href="/aktualiseringar">Alla aktualiseringar</Link>
    </p>
  );
  const referral = detail.data;
  if (!referral)
    return (
      <>
        {heading}
        {back}
        {detail.error !== undefined ? (
          <p role="alert">{loadError(detail.error)}</p>
        ) : (
          <p>Hämtar aktualiseringen…</p>
        )}
      </>
    );
  const unit = units.data?.items.find((candidate) => candidate.unit === referral.receivingUnit);

  const step = async (action: string, body: Record<string, unknown>) => {
    setStatus('');
    try {
      await api<ReferralStepResult>(`${path}/${action}`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': newAttemptKey() },
      });
    } catch (error) {
      // Someone else took a step first: the page shows where the referral stands now.
      if (error instanceof ApiError && error.status === 409) detail.reload();
      throw error;
    }
    setStatus(REFERRAL_STEPS[action]?.done ?? 'Sparat.');
    // The step's button is gone once done, so focus goes to the confirmation, after the page has redrawn.
    setFocusAfter(detail.data);
    detail.reload();
  };

  return (
    <>
      {heading}
      {back}
      <p role="status" className="status-message" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      <dl className="facts">
        <div>
          <dt>Läge</dt>
          <dd>
            {referral.phaseLabel}
            {referral.overdue && <span className="tag tag-overdue">Försenad</span>}
          </dd>
        </div>
        <div>
          <dt>Mottagande enhet</dt>
          <dd>{unit?.name ?? referral.receivingUnit}</dd>
        </div>
        <div>
          <dt>Skickad</dt>
          <dd>{formatDateTime(referral.sentAt)}</dd>
        </div>
        <div>
          <dt>Beslut senast</dt>
          <dd>{formatDate(referral.decisionDueAt)}</dd>
        </div>
      </dl>

      <section aria-labelledby="avsandare">
        <h2 id="avsandare">Avsändare</h2>
        <dl className="facts">
          <div>
            <dt>Namn</dt>
            <dd>{referral.sender.name ?? '–'}</dd>
          </div>
          <div>
            <dt>Titel</dt>
            <dd>{referral.sender.title ?? '–'}</dd>
          </div>
          <div>
            <dt>Telefon</dt>
            <dd>
              {referral.sender.phone ? (
                <a href={`tel:${referral.sender.phone.replace(/[^+0-9]/g, '')}`}>{referral.sender.phone}</a>
              ) : (
                '–'
              )}
            </dd>
          </div>
          <div>
            <dt>E-post</dt>
            <dd>
              {referral.sender.email ? (
                <a href={`mailto:${referral.sender.email}`}>{referral.sender.email}</a>
              ) : (
                '–'
              )}
            </dd>
          </div>
          <div>
            <dt>Enhet</dt>
            <dd>{referral.sendingUnit}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="sammanfattning">
        <h2 id="sammanfattning">Sammanfattning</h2>
        <SummaryBody referral={referral} unit={unit} unitsFailed={units.error !== undefined} />
      </section>

      <section aria-labelledby="kompletteringar">
        <h2 id="kompletteringar">Kompletteringar</h2>
        <Thread thread={referral.thread} />
      </section>

      <section aria-labelledby="beslut">
        <h2 id="beslut">Beslut</h2>
        <Decision referral={referral} process={process} />
      </section>

      <section aria-labelledby="atgarder">
        <h2 id="atgarder">Vad du kan göra</h2>
        <ReferralActions actions={referral.actions} process={process} onStep={step} />
      </section>
    </>
  );
}

function SummaryBody({
  referral,
  unit,
  unitsFailed,
}: {
  readonly referral: ReceivedReferralDetail;
  readonly unit: ReceivingUnit | undefined;
  readonly unitsFailed: boolean;
}) {
  const summary = referral.summary;
  if (summary === null)
    return referral.returnReason ? (
      <p>Sammanfattningen är raderad hos er enhet, eftersom aktualiseringen är återsänd.</p>
    ) : (
      <p>Ingen sammanfattning finns.</p>
    );
  if (summary === WITHHELD) return <p>Sammanfattningen är skyddad och visas inte här.</p>;
  const otherVersion =
    unit && referral.formVersion !== null && referral.formVersion !== unit.formVersion
      ? `Skriven på version ${referral.formVersion} av formuläret; rubrikerna är från version ${unit.formVersion}.`
      : undefined;
  return (
    <>
      {unitsFailed && (
        <p role="alert">Formulärets rubriker kunde inte hämtas; svaren visas under fältens namn.</p>
      )}
      {otherVersion && <p className="notice">{otherVersion}</p>}
      <ReferralSummary answers={summary} form={unit?.schema as JsonSchema | undefined} />
    </>
  );
}

function Thread({ thread }: { readonly thread: ReceivedReferralDetail['thread'] }) {
  if (thread.length === 0) return <p>Ingen komplettering är begärd.</p>;
  return (
    <ol className="thread">
      {thread.map((entry, index) => (
        <li key={index}>
          <p>
            <strong>{entry.kind === 'question' ? 'Beredningsgruppens fråga' : 'Avsändarens svar'}</strong>,{' '}
            {formatDateTime(entry.at)}
          </p>
          <p className="prewrap">{entry.text === WITHHELD ? 'Texten är skyddad.' : entry.text}</p>
        </li>
      ))}
    </ol>
  );
}

function Decision({
  referral,
  process,
}: {
  readonly referral: ReceivedReferralDetail;
  readonly process: ReferralProcess;
}) {
  if (referral.outcome)
    return (
      <dl className="facts">
        <div>
          <dt>Beslut</dt>
          <dd>{process.choice('ReferralDecided', 'outcome', referral.outcome)}</dd>
        </div>
        <div>
          <dt>Beslutsdatum</dt>
          <dd>{formatDate(referral.decidedOn)}</dd>
        </div>
        <div className="wide">
          <dt>Motivering</dt>
          <dd className="prewrap">
            {referral.motivation === WITHHELD ? 'Motiveringen är skyddad.' : (referral.motivation ?? '–')}
          </dd>
        </div>
      </dl>
    );
  if (referral.returnReason)
    return (
      <p>Återsänd till avsändaren: {process.choice('ReferralReturned', 'reason', referral.returnReason)}.</p>
    );
  if (referral.withdrawReason)
    return (
      <p>
        Återkallad av avsändaren: {process.choice('ReferralWithdrawn', 'reason', referral.withdrawReason)}.
      </p>
    );
  return (
    <p>
      Inget beslut ännu.
      {referral.decisionDueAt && ` Beslutet ska vara fattat senast ${formatDate(referral.decisionDueAt)}.`}
    </p>
  );
}
