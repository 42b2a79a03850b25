import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { Actor } from '@duban/domain';

import type { AuthenticatedRequest } from './auth.guard';

/** The authenticated caller, as the auth guard put it on the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
