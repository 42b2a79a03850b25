import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';

import { ApiProblem } from '../problems/problem';
import type { AuthenticatedRequest } from './auth.guard';

/**
 * Lets only administrators through. A guard runs before the validation pipe, so any other role gets 403
 * whatever its request body holds.
 */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor?.role !== 'admin') {
      throw new ApiProblem('forbidden', {
        zh: '只有系统管理员可以维护辖区、单位和用户',
        en: 'Only administrators maintain jurisdictions, units and users',
      });
    }
    return true;
  }
}
