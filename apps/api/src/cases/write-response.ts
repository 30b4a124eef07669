import type { Response } from 'express';
import type { CommandResult } from '@app/engine';

/** Every write answers with the case's new revision, in the body and as the ETag for the next If-Match. */
export function writeResponse(response: Response, result: CommandResult) {
  response.setHeader('ETag', `"${result.revision}"`);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return { caseId: result.caseId, revision: result.revision, events: result.events };
}
