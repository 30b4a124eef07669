import type { StepWait } from '../api/types';
import { TableRegion } from './table-region';

/** 3,5 dagar: days to one decimal, as Swedish writes them. */
function formatDays(days: number | null): string {
  if (days === null) return '–';
  const text = days.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return days === 1 ? '1 dag' : `${text} dagar`;
}

/** "Väntar på vården: 2 nu, 1 tidigare", one reason per line; a dash when none was recorded. */
function reasonsOf(row: StepWait) {
  if (row.reasons.length === 0) return '–';
  return (
    <ul className="plain">
      {row.reasons.map((reason) => (
        <li key={reason.reason}>
          {reason.label}: {reason.waitingNow} nu, {reason.passed} tidigare
        </li>
      ))}
    </ul>
  );
}

/**
 * How long cases stand in each step (seed 002: waits not caused by need).
 * The longest current waits come first within each process, so a stalled
 * hand-over is the first thing a supervisor sees.
 */
export function StepWaitsTable({ waits }: { readonly waits: readonly StepWait[] }) {
  if (waits.length === 0) return <p>Inga processteg har registrerats ännu.</p>;
  return (
    <TableRegion label="Tid i varje processteg">
      <table>
        <caption>
          Tid i varje processteg, räknat från när stegen registrerades: de som väntar nu och de som har gått
          vidare
        </caption>
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">Steg</th>
            <th scope="col">Väntar nu</th>
            <th scope="col">Längst väntan nu</th>
            <th scope="col">Har gått vidare</th>
            <th scope="col">Median</th>
            <th scope="col">Längst</th>
            <th scope="col">Väntar av annat skäl än behovet</th>
          </tr>
        </thead>
        <tbody>
          {waits.map((row) => (
            <tr key={`${row.unit}/${row.definitionId}/${row.step}`}>
              <td>{row.process}</td>
              <th scope="row">{row.title}</th>
              <td>{row.waitingNow}</td>
              <td>{formatDays(row.longestWaitingDays)}</td>
              <td>{row.passed}</td>
              <td>{formatDays(row.medianDays)}</td>
              <td>{formatDays(row.longestDays)}</td>
              <td>{reasonsOf(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
