import { Injectable } from '@nestjs/common';
import type { Principal } from '../rules/principal';

/**
 * The cases a request's principal was found allowed to see on the log's
 * own fold (a single case, its history, its past). Keyed by the principal
 * object, which the authentication guard makes anew for every request, so a
 * clearance never outlives the request it was given in.
 */
@Injectable()
export class Clearances {
  private readonly cleared = new WeakMap<Principal, Set<string>>();

  clear(principal: Principal, caseId: string): void {
    const ids = this.cleared.get(principal) ?? new Set<string>();
    this.cleared.set(principal, ids.add(caseId));
  }

  has(principal: Principal, caseId: string): boolean {
    return this.cleared.get(principal)?.has(caseId) ?? false;
  }
}
