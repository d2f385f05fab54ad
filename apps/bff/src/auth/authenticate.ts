import type { Context, Next } from 'koa';
import type { TokenService } from './tokens';
import { DomainError } from '../errors';

const BEARER = /^Bearer ([A-Za-z0-9._-]{10,2048})$/;

/**
 * Reads `Authorization: Bearer …` into `ctx.state.actor`. A bad or expired token is remembered,
 * not thrown: public routes ignore it, protected routes answer 401 with the precise reason.
 */
export function authenticate(tokens: TokenService) {
  return function readSession(ctx: Context, next: Next): Promise<void> {
    const header = ctx.get('Authorization');
    ctx.state.actor = null;
    if (header) {
      const match = BEARER.exec(header);
      if (!match) {
        ctx.state.authError = new DomainError('UNAUTHENTICATED', '登录凭证格式错误');
      } else {
        try {
          ctx.state.actor = tokens.verifyAccess(match[1]);
          ctx.state.user = { id: ctx.state.actor.id };
        } catch (err) {
          ctx.state.authError = err;
        }
      }
    }
    return next();
  };
}
