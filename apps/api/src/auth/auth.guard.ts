import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import type { Actor } from '@duban/domain';
import { DirectoryRepository } from '@duban/persistence';

import { ApiProblem } from '../problems/problem';
import { actorFromClaims, claimMismatch } from './claims';
import { TokenVerifier } from './token-verifier';

const PUBLIC_KEY = 'duban:public';

/** Marks a route that needs no bearer token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/**
 * Requires a valid bearer token on every route not marked @Public(), and puts its actor on the request.
 * When the token's `sub` names a stored user, the user must be active and the token's role, jurisdiction
 * and unit must equal the stored ones. A `sub` with no stored user passes, so tokens from an identity
 * provider work before their users are entered.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly directory: DirectoryRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw unauthorized('请求缺少 Authorization: Bearer 令牌', 'The request has no Authorization: Bearer token');
    }
    let claims;
    try {
      claims = await this.verifier.verify(header.slice('Bearer '.length).trim());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw unauthorized(`令牌无效：${reason}`, `The bearer token is invalid: ${reason}`);
    }
    const actor = actorFromClaims(claims);
    if (typeof actor === 'string')
      throw unauthorized(`令牌声明无效：${actor}`, `The token's claims are invalid: ${actor}`);
    const stored = await this.directory.findUserAccess(actor.id);
    if (stored?.active === false) {
      throw unauthorized(
        `用户 ${actor.id} 已停用，请联系系统管理员`,
        `User ${actor.id} is inactive; ask an administrator to reactivate it`,
      );
    }
    const mismatch = stored && claimMismatch(actor, stored);
    if (mismatch) {
      throw unauthorized(
        `令牌中的角色或辖区与用户目录不一致（${mismatch}），请重新登录获取新令牌`,
        `The token does not match the user directory: ${mismatch}. Sign in again to get a new token`,
      );
    }
    request.actor = actor;
    return true;
  }
}

function unauthorized(zh: string, en: string): ApiProblem {
  return new ApiProblem('unauthorized', { zh, en }, { 'WWW-Authenticate': 'Bearer' });
}
