import { idFromName, ID_RULE, isId, isTimestamp, TIMESTAMP_RULE } from '@app/common';
import { BadRequestException, Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { Matches, MaxLength, ValidateBy } from 'class-validator';
import { InvalidRequestError } from './request-errors';

/**
 * A stable id from the caller and their Idempotency-Key, so retrying "open
 * case" or "start process" reaches the same case or instance instead of
 * creating a second one. The caller's id is part of it, so nobody can aim
 * at an id another person's request created.
 */
export function idFromKey(actorId: string, key: string, purpose: string): string {
  return idFromName(`${purpose}/${actorId}/${key}`);
}

/** Every id field of every DTO: one grammar (`@app/common` grammar.ts). */
export function IsId(): PropertyDecorator {
  return ValidateBy({
    name: 'id',
    validator: { validate: isId, defaultMessage: () => `$property ${ID_RULE}` },
  });
}

/** Every instant a DTO or query takes: RFC 3339 with an offset, a real date and time. */
export function IsTimestamp(): PropertyDecorator {
  return ValidateBy({
    name: 'timestamp',
    validator: { validate: isTimestamp, defaultMessage: () => `$property ${TIMESTAMP_RULE}` },
  });
}

/** Path ids are checked like body ids, so a bad one is a 400 naming the parameter, never a 500. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isId(value)) return value;
    if (!metadata.data) throw new BadRequestException('invalid id');
    throw new InvalidRequestError([{ field: metadata.data, rule: 'id', message: ID_RULE }]);
  }
}

/** A step's path in a process, as state values name it ("uppfoljning" or "uppfoljning.atgarder"); refused naming `field`. */
export function IsStatePath(field: string): PropertyDecorator {
  return (target, key) => {
    Matches(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/, {
      message: `${field} must be a state path such as uppfoljning or uppfoljning.atgarder`,
    })(target, key);
    MaxLength(200, { message: `${field} must be at most 200 characters` })(target, key);
  };
}
