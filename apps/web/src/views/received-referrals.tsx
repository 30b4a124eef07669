import { useState } from 'react';
import { api } from '../api/client';
import type { Page, ReceivedReferral } from '../api/types';
import { referralError, useReferralProcess } from '../components/referral-process';
import { formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';

/** Which referrals the list shows: those the receiving unit still has to review, those it is done with, or all. */
const SHOWN = {
  alla: { label: 'Alla', open: undefined },
  oppna: { label: 'Att pröva', open: true },
  klara: { label: 'Avslutade', open: false },
} as const;
type Shown = keyof typeof SHOWN;

const PAGE_SIZE = 200;

/**
 * The receiving unit's referrals (referral.md): by number, the unit that
 * sent it and where it stands, those to review first and the overdue among
 * them marked. Nothing of the sender's case is shown, nor is there any.
 */
export function ReceivedReferralsView() {
  usePageTitle('Aktualiseringar');
  const [shown, setShown] = useState<Shown>('alla');
  const referrals = useResource(
    (signal) =>
      api<Page<ReceivedReferral>>('/api/referrals/received', {
        signal,
        query: { open: SHOWN[shown].open, limit: PAGE_SIZE },
      }),
    [shown],
    'any',
  );
  const { process } = useReferralProcess();
  const items = referrals.data?.items ?? [];
  const caption = 'Aktualiseringar till er enhet, de som ska prövas först överst';
  return (
    <>
      <h1>Aktualiseringar</h1>
      <p>
        Avidentifierade aktualiseringar som skickats till er enhet. Ni ser sammanfattningen och avsändaren,
        aldrig ärendet eller klienten.
      </p>
      <fieldset className="filters choice-row">
        <legend>Visa</legend>
        {(Object.keys(SHOWN) as Shown[]).map((key) => (
          <div key={key} className="option">
            <input
              type="radio"
              id={`visa-${key}`}
              name="visa"
              checked={shown === key}
              onChange={() => setShown(key)}
            />
            <label htmlFor={`visa-${key}`}>{SHOWN[key].label}</label>
          </div>
        ))}
      </fieldset>
      {referrals.error !== undefined && <p role="alert">{referralError(referrals.error)}</p>}
      {referrals.data && items.length === 0 && <p>Inga aktualiseringar.</p>}
      {items.length > 0 && (
        <TableRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Aktualisering</th>
                <th scope="col">Från enhet</th>
                <th scope="col">Skickad</th>
                <th scope="col">Beslut senast</th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {items.map((referral) => (
                <tr key={referral.referralNumber} className={referral.overdue ? 'overdue' : undefined}>
                  <th scope="row">
                    <Link href={`/aktualiseringar/${encodeURIComponent(referral.referralNumber)}`}>
                      {referral.referralNumber}
                    </Link>
                  </th>
                  <td>{referral.sendingUnit}</td>
                  <td>{formatDate(referral.sentAt)}</td>
                  <td>{formatDate(referral.decisionDueAt)}</td>
                  <td>
                    {referral.phaseLabel}
                    {referral.overdue && <span className="tag tag-overdue">Försenad</span>}
                    {referral.outcome && (
                      <div className="muted">
                        {process.choice('ReferralDecided', 'outcome', referral.outcome)}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {referrals.data && referrals.data.total > items.length && (
        <p className="muted">
          Visar de {items.length} första av {referrals.data.total}.
        </p>
      )}
    </>
  );
}
