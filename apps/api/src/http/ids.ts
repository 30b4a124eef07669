import { uuidFromName } from '@app/common';
import { BadRequestException, Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { InvalidRequestError } from './request-errors';

/**
 * A stable id from the caller and their Idempotency-Key, so retrying "open
 * case" or "start process" without a client-chosen id reaches the same
 * case or instance instead of creating a second one.
 */
export function idFromKey(actorId: string, key: string, purpose: string): string {
  return uuidFromName(`${purpose}/${actorId}/${key}`);
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const ID_RULE = 'must be 1-128 letters, digits or . _ : - starting with a letter or digit';

/** Path ids are checked like body ids, so a bad one is a 400 naming the parameter, never a 500. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (ID_PATTERN.test(value)) return value;
    if (!metadata.data) throw new BadRequestException('invalid id');
    throw new InvalidRequestError([{ field: metadata.data, rule: 'pattern', message: ID_RULE }]);
  }
}
