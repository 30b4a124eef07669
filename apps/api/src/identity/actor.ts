import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/engine';

/** Who is calling: set by the identity guard, the only code that knows where identity comes from. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export const ACTOR = Symbol('actor');

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<Record<symbol, Actor>>()[ACTOR],
);

export const PUBLIC_ROUTE = 'publicRoute';
/** Routes anyone may call without identity: health probes and the API description. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
