import { Injectable } from '@nestjs/common';
import { canSee, CASE_MANAGER_PROCESS, scopeOf, type CaseAccessFacts } from '../rules/case-visibility';
import { actingRoles, type Principal } from '../rules/principal';
import { CaseEngine, CaseNotFoundError, type CaseState, type Role } from '@app/engine';
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
  rolesOn(principal: Principal, state: CaseState): Role[] {
    return actingRoles(principal, this.seen(principal, state).unit ?? '');
  }

  private seen(principal: Principal, state: CaseState): CaseState {
    if (state.revision === 'no_stream' || !canSee(scopeOf(principal), accessFactsOf(state))) {
      throw new CaseNotFoundError(state.caseId);
    }
    this.clearances.clear(principal, state.caseId);
    return state;
  }
}
