import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldViolation } from '@app/engine';
import { InvalidRequestError } from './request-errors';

/** Literal, never a RegExp: a field name is the caller's text. */
const withoutPrefix = (text: string, prefix: string) =>
  text.startsWith(prefix) ? text.slice(prefix.length) : text;

function violations(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      // class-validator messages start with the property's name; the violation names it already.
      message: withoutPrefix(withoutPrefix(message, `property ${error.property} `), `${error.property} `),
    }));
    return [...own, ...violations(error.children ?? [], `${field}.`)];
  });
}

/** DTO validation for every route: unknown fields are refused by name, types are converted. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequestError(violations(errors)),
  });
}
