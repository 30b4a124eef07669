/** A whole, valid catalogue entry, for the catalogue's tests and benches. */
export const ENTRY = {
  name: 'Parkarbete Järva',
  providerKind: 'stadsdelsforvaltning',
  kind: 'utomhusarbete',
  branschomrade: 'park_tradgard',
  trappsteg: 'arbetsinriktad_rehabilitering',
  bipType: 'jobbfokuserande',
  malgrupp: 'Vuxna med ekonomiskt bistånd som står långt från arbetsmarknaden',
  criteria: ['Aktuell på ekonomiskt bistånd', 'Beslut om bistånd till insatsen'],
  places: 10,
  cost: { amountSek: 4500, period: 'month', validFrom: '2026-01-01' },
  openTo: 'egen_enhet',
  acceptsOtherAuthorities: false,
  adaptations: ['sprakstod', 'psykisk_ohalsa'],
  scope: { hours: 6, per: 'day' },
  funding: 'anslag',
  validFrom: '2026-01-01',
} as Record<string, unknown> & { cost: Record<string, unknown>; places: number };
