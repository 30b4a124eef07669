import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  appendChained,
  ConcurrencyError,
  EVENT_STORE,
  readChainTail,
  type EventStore,
} from '@app/event-store';
import { STAFF_EVENTS, staffStream } from '@app/engine';
import { CLOCK, type Clock, type JsonObject } from '@app/common';
import { calendarDayOf } from '@app/workflow';
import { rolesIn, unitsWhere, type AccessRole, type Principal } from '../rules/principal';
import {
  MenteesQuery,
  MentorOfQuery,
  StaffMemberQuery,
  UnitStaffQuery,
  CoversHeldQuery,
  type Cover,
  type SavedCaseFilter,
  type StaffMember,
} from './staff.queries';

/** People the directory knows before they sign in: the development users, where there is no identity provider. */
export const STAFF_SEED = Symbol('STAFF_SEED');

const fingerprintOf = (principal: Principal) =>
  JSON.stringify([
    principal.name,
    principal.email ?? null,
    [...principal.memberships]
      .map((m) => [m.unit, [...m.roles].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  ]);

/**
 * The unit's staff, for choosing a responsible social worker from people
 * rather than typing an id. The identity provider lists no one, so the
 * directory learns each person from their sign-in: their units and roles
 * go to the log (`StaffMemberSeen`) whenever they differ from what it
 * holds, and every node reads them back from the staff read model.
 */
@Injectable()
export class StaffDirectory {
  private readonly logger = new Logger(StaffDirectory.name);
  /** Fingerprints this node has already recorded or found recorded, so a request costs a map lookup. */
  private readonly recorded = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    @Optional() @Inject(STAFF_SEED) private readonly seed: readonly Principal[] = [],
  ) {}

  /** Records what a sign-in showed of a person; a failure is logged and never fails their request. */
  async saw(principal: Principal): Promise<void> {
    const fingerprint = fingerprintOf(principal);
    if (this.recorded.get(principal.id) === fingerprint) return;
    try {
      const known = await this.queries.execute(new StaffMemberQuery(principal.id));
      if (!known || fingerprintOf(known) !== fingerprint) await this.append(principal);
      this.recorded.set(principal.id, fingerprint);
    } catch (error) {
      this.logger.warn(`could not record staff member: ${(error as Error).message}`);
    }
  }

  /** The person as the directory knows them, or undefined when they never signed in. */
  async member(userId: string): Promise<Principal | undefined> {
    return (
      (await this.queries.execute(new StaffMemberQuery(userId))) ??
      this.seed.find((person) => person.id === userId)
    );
  }

  /** Everyone holding `role` in `unit`, by name. */
  async ofUnit(unit: string, role: AccessRole): Promise<StaffMember[]> {
    const seen = await this.queries.execute(new UnitStaffQuery(unit, role));
    const seeded = this.seed
      .filter((person) => rolesIn(person, unit).includes(role) && !seen.some((s) => s.id === person.id))
      .map((person) => ({ id: person.id, name: person.name }));
    return [...seen, ...seeded].sort(
      (a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id),
    );
  }

  /** A mentor with whom they mentor, as the directory holds it; anyone else as they are. */
  async withMentees(principal: Principal): Promise<Principal> {
    const covering = await this.coversHeld(principal);
    const withCovers = covering.length > 0 ? { ...principal, covering } : principal;
    if (unitsWhere(principal, ['mentor']).length === 0) return withCovers;
    return { ...withCovers, mentees: await this.queries.execute(new MenteesQuery(principal.id)) };
  }

  /** Whom a social worker covers for today, by the grants in the log. */
  private async coversHeld(principal: Principal): Promise<{ absentId: string; unit: string }[]> {
    if (unitsWhere(principal, ['socialsekreterare']).length === 0) return [];
    const today = calendarDayOf(this.clock.now().toISOString());
    const held: Cover[] = await this.queries.execute(new CoversHeldQuery(principal.id, today));
    return held.map((cover) => ({ absentId: cover.absentId, unit: cover.unit }));
  }

  /**
   * Lets `coverId` cover for `absentId` in `unit` from one day to another:
   * their tasks in the cover's queue, their current cases visible to the
   * cover. Granted again, the new period replaces the old.
   */
  async grantCover(cover: Omit<Cover, 'grantedAt' | 'grantedBy'>, by: string): Promise<void> {
    await this.appendTo(cover.absentId, {
      type: STAFF_EVENTS.coverGranted,
      data: { ...cover, by },
      actorId: by,
    });
  }

  /** Ends a cover before its last day. */
  async endCover(cover: Pick<Cover, 'absentId' | 'coverId' | 'unit'>, by: string): Promise<void> {
    await this.appendTo(cover.absentId, {
      type: STAFF_EVENTS.coverEnded,
      data: { absentId: cover.absentId, coverId: cover.coverId, unit: cover.unit, by },
      actorId: by,
    });
  }

  /** The mentor of a social worker in a unit, if they are in the introduktionsprogram. */
  mentorOf(menteeId: string, unit: string): Promise<string | undefined> {
    return this.queries.execute(new MentorOfQuery(menteeId, unit));
  }

  /** Turns e-mail about what waits for a person off, or on again; their choice, in their own stream. */
  async setMailPreference(userId: string, optOut: boolean): Promise<void> {
    await this.appendTo(userId, {
      type: STAFF_EVENTS.mailPreferenceSet,
      data: { userId, optOut },
      actorId: userId,
    });
  }

  /** Marks notifications read for one person: some by id, or (`allUntil`) every one up to that moment. */
  async markNotificationsRead(
    userId: string,
    read: { readonly ids: readonly string[]; readonly allUntil?: string },
  ): Promise<void> {
    await this.appendTo(userId, {
      type: STAFF_EVENTS.notificationsRead,
      data: { userId, ids: [...read.ids], ...(read.allUntil ? { allUntil: read.allUntil } : {}) },
      actorId: userId,
    });
  }

  /** Replaces a person's saved case-list filters with these. */
  async saveCaseFilters(userId: string, filters: readonly SavedCaseFilter[]): Promise<void> {
    await this.appendTo(userId, {
      type: STAFF_EVENTS.caseFiltersSaved,
      data: { userId, filters: filters.map((f) => ({ name: f.name, filter: { ...f.filter } })) },
      actorId: userId,
    });
  }

  /** Records who mentors a social worker in a unit; `null` ends the mentorship. */
  async assignMentor(unit: string, menteeId: string, mentorId: string | null, by: string): Promise<void> {
    await this.appendTo(menteeId, {
      type: STAFF_EVENTS.mentorAssigned,
      data: { userId: menteeId, unit, mentorId },
      actorId: by,
    });
  }

  private async append(principal: Principal): Promise<void> {
    await this.appendTo(principal.id, {
      type: STAFF_EVENTS.memberSeen,
      data: {
        userId: principal.id,
        name: principal.name,
        ...(principal.email ? { email: principal.email } : {}),
        memberships: principal.memberships.map((m) => ({ unit: m.unit, roles: [...m.roles] })),
      },
      actorId: principal.id,
    });
  }

  private async appendTo(
    userId: string,
    { type, data, actorId }: { type: string; data: JsonObject; actorId: string },
  ): Promise<void> {
    const stream = staffStream(userId);
    const event = {
      id: randomUUID(),
      type,
      data,
      metadata: { occurredAt: this.clock.now().toISOString(), actorId },
    };
    // Two nodes seeing the same first sign-in race for the stream; the loser chains onto the winner.
    for (let attempt = 0; ; attempt++) {
      try {
        await appendChained(this.store, stream, await readChainTail(this.store, stream), [event]);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= 3) throw error;
      }
    }
  }
}
