import { Controller, Inject, type MessageEvent, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  concatMap,
  defer,
  endWith,
  filter,
  finalize,
  from,
  interval,
  map,
  merge,
  of,
  takeUntil,
  takeWhile,
  timer,
  type Observable,
} from 'rxjs';
import { ProjectionRunner } from '@app/projections';
import { scopeOf, VisibleCaseIdsQuery } from '@app/access';
import { CLOCK, type Clock } from '@app/common';
import { Allow, CASE_READERS, CurrentActor, SessionEndsAt, type Actor } from '../identity/actor';
import { Metrics } from '../metrics/metrics';

/** Proxies close a silent connection after a minute or so; a comment-like ping keeps it open. */
const KEEP_ALIVE_MS = 25_000;
/** Beyond setTimeout's range; a token that lives longer is still checked at every message. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long a dropped client waits before it first reconnects (the SSE `retry` field). */
const RECONNECT_AFTER_MS = 2_000;

/**
 * Server-sent events: which of my visible cases changed, as soon as the
 * read models include the change. Only ids and the log position travel, no
 * case data, so nothing here needs logging as a read; the client refetches
 * through the logged routes. Visibility is asked anew for every change, and
 * the stream ends when the token does (with an `expired` event), so the
 * client reconnects with a fresh token rather than listening on an old one.
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller('api')
export class LiveController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  @Sse('live')
  @Allow(...CASE_READERS)
  @ApiOperation({ summary: 'Live updates (text/event-stream): ids of my cases whose read models changed' })
  live(@CurrentActor() actor: Actor, @SessionEndsAt() endsAt: number): Observable<MessageEvent> {
    const scope = scopeOf(actor);
    const valid = () => this.clock.now().getTime() < endsAt;
    const changes = this.runner.changes.pipe(
      concatMap((change) =>
        from(this.queries.execute(new VisibleCaseIdsQuery(change.caseIds, scope))).pipe(
          filter((caseIds) => caseIds.length > 0),
          map((caseIds) => ({
            type: 'changed',
            id: String(change.position),
            data: { position: change.position, caseIds },
          })),
        ),
      ),
    );
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} })));
    const expiry = timer(Math.min(MAX_TIMER_MS, Math.max(0, endsAt - this.clock.now().getTime())));
    return defer(() => {
      this.metrics.liveConnections.inc();
      return merge(of({ type: 'ready', retry: RECONNECT_AFTER_MS, data: {} }), changes, keepAlive).pipe(
        takeWhile(valid),
        takeUntil(expiry),
        endWith({ type: 'expired', data: {} }),
        finalize(() => this.metrics.liveConnections.dec()),
      );
    });
  }
}
