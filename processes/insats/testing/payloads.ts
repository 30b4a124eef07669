/** Valid payloads for a placement's steps, pseudonymous, shared by the process spec and the e2e tests. */

export const ASSIGNED = {
  need: 'Behöver struktur i vardagen och arbetslivserfarenhet',
  insatsId: 'park-1',
  assignedOn: '2026-03-02',
  decision: { decidedOn: '2026-02-26', reference: 'EB 2026/1142' },
  utredning: { kind: 'fia', doneOn: '2026-02-10' },
  stateProgramme: 'inget',
};

export const STARTED = {
  startedOn: '2026-03-02',
  plan: {
    syfte: 'Komma igång med regelbunden sysselsättning',
    mal: 'Arbeta 50 % inom ett år',
    delmal: ['Komma i tid tre dagar i veckan', 'Klara ett arbetspass på fyra timmar'],
    arbetsuppgifter: ['Lövkrattning', 'Plantering'],
    concreteOutcome: 'Fyra timmar per dag, tre dagar i veckan',
    clientView: 'Vill gärna arbeta utomhus och lära sig maskinerna',
  },
  scope: { hours: 4, per: 'day' },
  participants: ['klienten', 'socialsekreterare', 'arbetskonsulent'],
};

export const FOLLOW_UP = {
  heldOn: '2026-03-30',
  participants: ['klienten', 'socialsekreterare', 'arbetsledare'],
  goals: [{ goal: 'Komma i tid tre dagar i veckan', status: 'pagar' }],
  attendance: { plannedHours: 48, attendedHours: 40, absenceReasons: 'Sjuk två dagar' },
  workCapacity: { fysisk: 3, psykisk: 2, social: 3 },
  clientView: 'Trivs, men tröttare än väntat',
  readiness: { deltagit: 'ja', resor: 'ja', missbruk: 'ja', samspel: 'delvis', motivation: 'ja' },
  planRevised: false,
};
