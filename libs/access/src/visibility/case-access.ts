import { Injectable } from '@nestjs/common';
import { canSee, CASE_MANAGER_PROCESS, scopeOf, type CaseAccessFacts } from '../rules/case-visibility';
import { actingRoles, rolesIn, type Principal } from '../rules/principal';
import {
  CaseEngine,
  CaseNotFoundError,
  isPartnerRole,
  partnerUnitOf,
  ProcessRegistry,
  type ActorRole,
  type CaseCommand,
  type CaseState,
  type PartnerRole,
} from '@app/engine';
import { Clearances } from './clearances';

export function accessFactsOf(state: CaseState): CaseAccessFacts {
  return {
    unit: state.unit ?? '',
    socialWorkers: state.socialWorkers,
    socialWorkerId: state.socialWorkerId ?? '',
    referredToCaseManager: [...state.instances.values()].some(
      (instance) => instance.definitionId === CASE_MANAGER_PROCESS,
    ),
  };
}

/**
 * The case as the log says now, if the principal may see it. A case they may
 * not see answers exactly as a missing one, so ids cannot be probed.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly engine: CaseEngine,
    private readonly clearances: Clearances,
    private readonly registry: ProcessRegistry,
  ) {}

  /** Also clears the case for this request, so the answer may show its personal fields. */
  async visibleCase(principal: Principal, caseId: string): Promise<CaseState> {
    return this.seen(principal, await this.engine.load(caseId));
  }

  /**
   * The roles the principal acts in on this loaded case, those they hold in
   * its unit; a case they may not see is not found. For the engine to call
   * on the one load a command makes.
   */
  rolesOn(principal: Principal, state: CaseState, command?: CaseCommand): ActorRole[] {
    const partner = command ? this.partnerRolesOn(principal, state, command) : [];
    // A partner acts on its lanes of the one instance without seeing the case, so nothing is cleared.
    if (partner.length > 0 && !this.maySee(principal, state)) return partner;
    return [...actingRoles(principal, this.seen(principal, state).unit ?? ''), ...partner];
  }

  /**
   * The partner roles the principal holds in the unit the instance a step
   * is sent to names (the providing unit of an insats); none for any other
   * command, since a partner may do nothing else in the case.
   */
  partnerRolesOn(principal: Principal, state: CaseState, command: CaseCommand): PartnerRole[] {
    if (command.type !== 'SendProcessEvent' || state.revision === 'no_stream') return [];
    const instance = state.instances.get(command.instanceId);
    if (!instance) return [];
    const unit = partnerUnitOf(this.registry, instance);
    return unit === undefined ? [] : rolesIn(principal, unit).filter(isPartnerRole);
  }

  private maySee(principal: Principal, state: CaseState): boolean {
    return state.revision !== 'no_stream' && canSee(scopeOf(principal), accessFactsOf(state));
  }

  private seen(principal: Principal, state: CaseState): CaseState {
    if (!this.maySee(principal, state)) {
      throw new CaseNotFoundError(state.caseId);
    }
    this.clearances.clear(principal, state.caseId);
    return state;
  }
}
