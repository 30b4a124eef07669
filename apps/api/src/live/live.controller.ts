import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { concatMap, filter, from, interval, map, merge, of, type Observable } from 'rxjs';
import { scopeOf } from '@app/access';
import { ProjectionRunner, VisibleCaseIdsQuery } from '@app/projections';
import { Allow, CurrentActor, EVERY_ROLE, type Actor } from '../identity/actor';

/** Proxies close a silent connection after a minute or so; a comment-like ping keeps it open. */
const KEEP_ALIVE_MS = 25_000;

/**
 * Server-sent events: which of my visible cases changed, as soon as the
 * read models include the change. Only ids and the log position travel, no
 * case data, so nothing here needs logging as a read; the client refetches
 * through the logged routes.
 */
@ApiTags('live')
@ApiBearerAuth()
@Controller('api')
export class LiveController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly queries: QueryBus,
  ) {}

  @Sse('live')
  @Allow(...EVERY_ROLE)
  @ApiOperation({ summary: 'Live updates (text/event-stream): ids of my cases whose read models changed' })
  live(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    const scope = scopeOf(actor);
    const changes = this.runner.changes.pipe(
      concatMap((change) =>
        from(this.queries.execute(new VisibleCaseIdsQuery(change.caseIds, scope))).pipe(
          filter((caseIds) => caseIds.length > 0),
          map((caseIds) => ({ type: 'changed', data: { position: change.position, caseIds } })),
        ),
      ),
    );
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} })));
    return merge(of({ type: 'ready', data: {} }), changes, keepAlive);
  }
}
