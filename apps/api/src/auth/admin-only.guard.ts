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
        zh: '只有系统管理员可以使用系统管理接口（辖区、单位、用户、日历和督办策略）',
        en: 'Only administrators may use the administration endpoints (jurisdictions, units, users, calendars, policies)',
      });
    }
    return true;
  }
}
