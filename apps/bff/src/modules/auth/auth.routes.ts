import { foundationRoutes as r, wechatRoutes as w } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { AuthService } from './auth.service';

/** Sign-in, refresh, sign-out and "who am I". */
export function authRoutes(auth: AuthService): RouteDef[] {
  return [
    route(r.authOtp, ({ body }) => auth.requestOtp(body.phone)),
    route(r.authPhone, ({ body }) => auth.loginWithPhone(body.phone, body.code)),
    route(r.authWechat, ({ body }) => auth.loginWithWechat(body.code)),
    route(w.authBindPhone, ({ body, actor, requestId }) => auth.bindPhone(actor, body.code, requestId)),
    route(r.authRefresh, ({ body }) => auth.refresh(body.refreshToken)),
    route(r.authLogout, ({ body, actor }) => auth.logout(actor, body.refreshToken)),
    route(r.me, ({ actor }) => auth.me(actor)),
  ];
}
