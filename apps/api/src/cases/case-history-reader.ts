import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CASE_EVENTS, markPersonalData, ProcessRegistry } from '@app/engine';
import { startOfSwedishDay } from '@app/workflow';
import {
  CaseHistoryFacetsQuery,
  type HistoryEntry,
  type HistoryFacets,
  type HistoryFilter,
} from '@app/projections';
import { StaffDirectory } from '@app/access';
import { InvalidRequestError } from '../http/request-errors';
import type { HistoryFilterDto } from './cases.dto';
import { describedEntry, peopleIn, type HistoryNames } from './history-details';
import { UnitNames } from '../identity/unit-names';

/** The kinds of the case's own events, as the history's filter names them. */
const CASE_EVENT_KINDS: Readonly<Record<(typeof CASE_EVENTS)[keyof typeof CASE_EVENTS], string>> = {
  [CASE_EVENTS.opened]: 'Ärendet öppnat',
  [CASE_EVENTS.processStarted]: 'Process startad',
  [CASE_EVENTS.processCompleted]: 'Process avslutad',
  [CASE_EVENTS.processEnded]: 'Process avslutad i förtid',
  [CASE_EVENTS.deadlineScheduled]: 'Tidsgräns satt',
  [CASE_EVENTS.deadlineCancelled]: 'Tidsgräns avslutad',
  [CASE_EVENTS.deadlineReached]: 'Tidsgräns passerad',
  [CASE_EVENTS.followUpOwnerChanged]: 'Uppföljningsansvar ändrat',
  [CASE_EVENTS.caseworkerChanged]: 'Handläggarbyte',
  [CASE_EVENTS.progressionsplanRecorded]: 'Progressionsplan',
  [CASE_EVENTS.saAeApplicationOpened]: 'Ansökan om SA/AE',
  [CASE_EVENTS.saAeApplicationClosed]: 'Försäkringskassans beslut om SA/AE',
  [CASE_EVENTS.clientFactsRecorded]: 'Uppgifter för statistik',
  [CASE_EVENTS.noteRecorded]: 'Anteckning',
  [CASE_EVENTS.documentReferenced]: 'Handling i dokumenthanteringen',
  [CASE_EVENTS.stepWaitRecorded]: 'Steget väntar',
  [CASE_EVENTS.rehabansvarigAssigned]: 'Rehabansvarig',
  [CASE_EVENTS.taskAssigned]: 'Uppgift tagen eller överlämnad',
  [CASE_EVENTS.closed]: 'Ärendet avslutat',
  [CASE_EVENTS.reopened]: 'Ärendet öppnat igen',
  [CASE_EVENTS.referenceChanged]: 'Referensen ändrad',
  [CASE_EVENTS.stepCorrected]: 'Steg rättat',
  [CASE_EVENTS.planItemChecked]: 'Punkt i progressionsplanen',
  [CASE_EVENTS.planItemReminded]: 'Påminnelse om planens punkt',
  [CASE_EVENTS.erased]: 'Ärendet raderat',
};

/** The history's filter as the read model takes it; a period that ends before it begins is refused naming `to`. */
export function historyFilterOf(query: HistoryFilterDto): HistoryFilter {
  if (query.from && query.to && query.to < query.from) {
    throw new InvalidRequestError([
      { field: 'to', rule: 'notBeforeFrom', message: 'to must be the same day as from or later' },
    ]);
  }
  const dayAfter = (day: string) =>
    new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    ...(query.process ? { definitionId: query.process } : {}),
    ...(query.instance ? { instanceId: query.instance } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.from ? { since: startOfSwedishDay(query.from) } : {}),
    ...(query.to ? { before: startOfSwedishDay(dayAfter(query.to)) } : {}),
  };
}

/**
 * A case's history as people read it: entries described (names, titles,
 * answers in words, personal answers marked for disclosure), and what the
 * history holds to filter by.
 */
@Injectable()
export class CaseHistoryReader {
  constructor(
    private readonly queries: QueryBus,
    private readonly registry: ProcessRegistry,
    private readonly staff: StaffDirectory,
    private readonly units: UnitNames,
  ) {}

  async described(caseId: string, entries: readonly HistoryEntry[]) {
    const names = await this.namesFor(entries.flatMap((entry) => peopleIn(this.registry, entry)));
    return entries.map((entry) =>
      describedEntry(this.registry, this.withPersonalMarked(caseId, entry), names),
    );
  }

  async facets(caseId: string) {
    const facets: HistoryFacets | undefined = await this.queries.execute(new CaseHistoryFacetsQuery(caseId));
    if (!facets) return { processes: [], types: [], people: [] };
    const names = await this.namesFor(facets.actorIds);
    const kinds = new Map<string, string>();
    for (const { type, definitionId, version } of facets.types) {
      if (!kinds.has(type)) kinds.set(type, this.kindOf(type, definitionId, version));
    }
    return {
      processes: facets.processes.map(({ definitionId, version }) => ({
        id: definitionId,
        title: this.titleOf(definitionId, version),
      })),
      types: [...kinds].map(([type, label]) => ({ type, label })),
      people: facets.actorIds
        .map((id) => ({ id, name: names.person(id) ?? id }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    };
  }

  /** The filters in words, for the head of an export. */
  async filterWords(caseId: string, filter: HistoryFilter, query: HistoryFilterDto): Promise<string[]> {
    const facets = await this.facets(caseId);
    const words: string[] = [];
    if (filter.definitionId)
      words.push(
        `Process: ${facets.processes.find((p) => p.id === filter.definitionId)?.title ?? filter.definitionId}`,
      );
    if (filter.type)
      words.push(`Händelse: ${facets.types.find((t) => t.type === filter.type)?.label ?? filter.type}`);
    if (filter.actorId)
      words.push(`Person: ${facets.people.find((p) => p.id === filter.actorId)?.name ?? filter.actorId}`);
    if (query.from || query.to) words.push(`Period: ${query.from ?? 'början'} – ${query.to ?? 'idag'}`);
    return words;
  }

  private titleOf(definitionId: string, version: number): string {
    return this.registry.versions(definitionId).includes(version)
      ? this.registry.get(definitionId, version).title
      : definitionId;
  }

  private kindOf(type: string, definitionId: string | null, version: number | null): string {
    const own = CASE_EVENT_KINDS[type as keyof typeof CASE_EVENT_KINDS];
    if (own) return own;
    if (definitionId !== null && version !== null && this.registry.versions(definitionId).includes(version)) {
      const definition = this.registry.get(definitionId, version);
      const label = definition.events[type]?.label;
      if (label) return `${label} (${definition.title})`;
    }
    return type;
  }

  private async namesFor(ids: readonly string[]): Promise<HistoryNames> {
    const people = new Map<string, string>();
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const member = await this.staff.member(id);
        if (member) people.set(id, member.name);
      }),
    );
    return { person: (id) => people.get(id), unit: (id) => this.units.nameOf(id) };
  }

  private withPersonalMarked(caseId: string, entry: HistoryEntry): HistoryEntry {
    const metadata = { definitionId: entry.process?.definitionId, definitionVersion: entry.process?.version };
    return {
      ...entry,
      data: markPersonalData(this.registry, caseId, {
        type: entry.type,
        metadata,
        data: entry.data as Record<string, unknown>,
      }),
    };
  }
}
