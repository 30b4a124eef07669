import type { PhaseMonth } from '../api/types';
import { formatMonth } from '../format';

export const PHASES = ['ingen', '0', '1', '2', '3', '4'] as const;
export const PHASE_NAMES: Readonly<Record<string, string>> = {
  ingen: 'Ingen fas registrerad',
  '0': 'Fas 0',
  '1': 'Fas 1',
  '2': 'Fas 2',
  '3': 'Fas 3',
  '4': 'Fas 4',
};
/** At least 3:1 against white (WCAG 1.4.11), and told apart by pattern of position as well as colour. */
const COLOURS: Readonly<Record<string, string>> = {
  ingen: '#6b6b6b',
  '0': '#b3261e',
  '1': '#b35c00',
  '2': '#7a6a00',
  '3': '#2e7d32',
  '4': '#1f5fa8',
};

const HEIGHT = 180;
const BAR = 28;
const GAP = 14;

/** Cases per BIP phase per month: a stacked bar chart with its numbers in a table beside it. */
export function BipChart({ months }: { months: readonly PhaseMonth[] }) {
  const total = (m: PhaseMonth) => PHASES.reduce((sum, phase) => sum + (m.phases[phase] ?? 0), 0);
  const max = Math.max(1, ...months.map(total));
  const width = months.length * (BAR + GAP) + GAP;
  return (
    <figure className="chart">
      <svg width={width} height={HEIGHT + 40} role="img" aria-labelledby="bip-chart-caption">
        {months.map((month, index) => {
          let y = HEIGHT;
          const x = GAP + index * (BAR + GAP);
          return (
            <g key={month.month}>
              {PHASES.map((phase) => {
                const count = month.phases[phase] ?? 0;
                if (count === 0) return null;
                const h = (count / max) * (HEIGHT - 10);
                y -= h;
                return <rect key={phase} x={x} y={y} width={BAR} height={h} fill={COLOURS[phase]} />;
              })}
              {/* Month over year: "dec 2026" on one line is wider than a bar and its gap. */}
              <text x={x + BAR / 2} y={HEIGHT + 16} textAnchor="middle" fontSize="11">
                {formatMonth(month.month)
                  .split(' ')
                  .map((part, line) => (
                    <tspan key={part} x={x + BAR / 2} dy={line === 0 ? 0 : 13}>
                      {part}
                    </tspan>
                  ))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="bip-chart-caption">
        BIP-fas per månad (antal ärenden). Siffrorna finns i tabellen nedan.
      </figcaption>
      <ul className="legend">
        {PHASES.map((phase) => (
          <li key={phase}>
            <span className="swatch" style={{ background: COLOURS[phase] }} aria-hidden="true" />
            {PHASE_NAMES[phase]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
