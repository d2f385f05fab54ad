import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { maskPhone, phoneSchema, type Session, type SessionUser } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { TokenService } from '../../auth/tokens';
import type { OtpSender } from '../../auth/otp-sender';
import type { WechatClient } from '../../auth/wechat-client';
import type { PiiCipher } from '../../crypto/pii';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { OtpRepository } from './otp.repository';
import type { RefreshTokenRepository } from './refresh-token.repository';
import type { UserRecord, UserRepository } from './user.repository';
import type { AccountMergeRepository } from './account-merge.repository';
import type { AuditRepository } from '../../audit/audit.repository';

/** Rules of one-time codes: short-lived, throttled, a few guesses only. */
export const OTP_RULES = { ttlSec: 300, resendSec: 60, maxAttempts: 5 } as const;

export interface AuthServiceDeps {
  users: UserRepository;
  otps: OtpRepository;
  refreshTokens: RefreshTokenRepository;
  tokens: TokenService;
  otpSender: OtpSender;
  wechat: WechatClient;
  pii: PiiCipher;
  clock: Clock;
  refreshTtlSec: number;
  merges: AccountMergeRepository;
  audit: AuditRepository;
}

/** Sign-in by phone code or WeChat, session refresh and sign-out. */
export class AuthService {
  constructor(private readonly d: AuthServiceDeps) {}

  async requestOtp(phone: string): Promise<{ sent: true; retryAfterSec: number }> {
    const now = this.d.clock.now();
    const phoneHash = this.d.pii.lookupHash(phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const issued = await this.d.otps.issue(
      phoneHash,
      this.codeHash(phoneHash, code),
      now,
      new Date(now.getTime() + OTP_RULES.ttlSec * 1000),
      new Date(now.getTime() - OTP_RULES.resendSec * 1000),
    );
    if (!issued) {
      throw new DomainError(
        'RATE_LIMITED',
        `验证码已发送，请 ${OTP_RULES.resendSec} 秒后再试`,
        undefined,
        OTP_RULES.resendSec,
      );
    }
    await this.d.otpSender.send(phone, code);
    return { sent: true, retryAfterSec: OTP_RULES.resendSec };
  }

  async loginWithPhone(phone: string, code: string): Promise<Session> {
    const now = this.d.clock.now();
    const phoneHash = this.d.pii.lookupHash(phone);
    const live = await this.d.otps.takeAttempt(phoneHash, now, OTP_RULES.maxAttempts);
    if (!live) {
      const existing = await this.d.otps.exists(phoneHash);
      if (existing && existing.expiresAt > now && existing.attempts >= OTP_RULES.maxAttempts) {
        throw new DomainError('OTP_LOCKED', '验证码错误次数过多，请重新获取验证码');
      }
      throw new DomainError('OTP_INVALID', '验证码错误或已过期，请重新获取');
    }
    const expected = Buffer.from(live.codeHash);
    const given = Buffer.from(this.codeHash(phoneHash, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const left = OTP_RULES.maxAttempts - live.attempts;
      throw new DomainError(
        'OTP_INVALID',
        left > 0 ? `验证码错误，还可尝试 ${left} 次` : '验证码错误次数过多，请重新获取验证码',
      );
    }
    if (!(await this.d.otps.consume(phoneHash, live.codeHash))) throw new DomainError('OTP_INVALID');
    const user = await this.d.users.findOrCreateByPhone(phoneHash, this.d.pii.encrypt(phone));
    return this.openSession(user);
  }

  async loginWithWechat(code: string): Promise<Session> {
    const openid = await this.d.wechat.codeToOpenid(code);
    return this.openSession(await this.d.users.findOrCreateByOpenid(openid));
  }

  /**
   * Binds the phone WeChat vouches for (getPhoneNumber) to the signed-in WeChat account. When
   * another account already has that phone — the one the admin granted roles to — the two become
   * one person (see AccountMergeRepository for what moves and why it is one transaction), and the
   * answer is a session of that person, roles included. Safe to retry: a bound phone answers
   * the same session, and a retry from the merged-away account is answered for the survivor.
   */
  async bindPhone(actor: Actor, code: string, requestId: string | null): Promise<Session> {
    const me = await this.d.users.findById(actor.id);
    if (!me) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    if (me.mergedInto) return this.sessionOf(me.mergedInto);
    const phone = await this.d.wechat.phoneNumberOf(code);
    if (phone.countryCode !== '86' || !phoneSchema.safeParse(phone.purePhoneNumber).success)
      throw new DomainError('BUSINESS_RULE', '目前仅支持中国大陆手机号');
    const phoneHash = this.d.pii.lookupHash(phone.purePhoneNumber);
    if (me.phoneHash === phoneHash) return this.openSession(me);
    if (me.phoneHash) throw new DomainError('CONFLICT', '本账号已绑定其他手机号，如需更换请联系管理员');

    const now = this.d.clock.now();
    const owner = await this.d.users.findByPhoneHash(phoneHash);
    if (!owner) {
      const bound = await this.d.users.attachPhone(
        me.id,
        phoneHash,
        this.d.pii.encrypt(phone.purePhoneNumber),
      );
      // 'taken': someone signed in with this phone a moment ago; merging is then the answer.
      if (bound !== 'taken') {
        if (!bound) throw new DomainError('CONFLICT', '账号状态已变化，请重新登录后再试');
        await this.d.audit.append({
          at: now,
          actorId: me.id,
          action: 'user.phone.bind',
          subjectType: 'user',
          subjectId: me.id,
          fields: ['phone'],
          requestId,
        });
        return this.openSession(bound);
      }
    }
    const into = owner ?? (await this.d.users.findByPhoneHash(phoneHash));
    if (!into) throw new DomainError('CONFLICT', '账号状态已变化，请重试');
    if (into.openid && into.openid !== me.openid)
      throw new DomainError('CONFLICT', '该手机号已绑定另一个微信号，请用原微信登录，或联系管理员解绑');
    const result = await this.d.merges.merge({
      fromId: me.id,
      intoId: into.id,
      actorId: me.id,
      requestId,
      now,
    });
    if ('merged' in result) return this.sessionOf(into.id);
    switch (result.reason) {
      case 'same_day_bookings':
        throw new DomainError(
          'CONFLICT',
          `该手机号账号在${result.travelDays.join('、') || '同一天'}已有行程，与本微信账号的行程冲突。请先取消其中一个行程，再绑定手机号`,
          { travelDays: result.travelDays },
        );
      case 'staff_roles':
        throw new DomainError('CONFLICT', '本微信账号已被授予工作人员角色，不能自动合并，请联系管理员');
      case 'phone_has_wechat':
        throw new DomainError('CONFLICT', '该手机号已绑定另一个微信号，请用原微信登录，或联系管理员解绑');
      default: {
        // The openid account was merged by a parallel request: answer as its survivor.
        const again = await this.d.users.findById(me.id);
        if (again?.mergedInto) return this.sessionOf(again.mergedInto);
        throw new DomainError('CONFLICT', '账号状态已变化，请重新登录后再试');
      }
    }
  }

  async refresh(refreshToken: string): Promise<Session> {
    const userId = await this.d.refreshTokens.spend(
      this.d.tokens.hashRefreshToken(refreshToken),
      this.d.clock.now(),
    );
    const user = userId ? await this.d.users.findById(userId) : null;
    if (!user || user.mergedInto) throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
    return this.openSession(user);
  }

  async logout(actor: Actor, refreshToken: string): Promise<{ ok: true }> {
    await this.d.refreshTokens.revoke(
      this.d.tokens.hashRefreshToken(refreshToken),
      actor.id,
      this.d.clock.now(),
    );
    return { ok: true };
  }

  async me(actor: Actor): Promise<SessionUser> {
    const user = await this.d.users.findById(actor.id);
    if (!user || user.mergedInto) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    return this.sessionUser(user);
  }

  private async sessionOf(id: string): Promise<Session> {
    const user = await this.d.users.findById(id);
    if (!user || user.mergedInto) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    return this.openSession(user);
  }

  private async openSession(user: UserRecord): Promise<Session> {
    const now = this.d.clock.now();
    const access = this.d.tokens.issueAccess({
      id: user.id,
      roles: user.roles,
      enterpriseId: user.enterpriseId,
      departmentId: user.departmentId,
    });
    const refresh = this.d.tokens.newRefreshToken();
    await this.d.refreshTokens.create(
      refresh.hash,
      user.id,
      now,
      new Date(now.getTime() + this.d.refreshTtlSec * 1000),
    );
    return {
      token: access.token,
      expiresIn: access.expiresIn,
      refreshToken: refresh.token,
      user: this.sessionUser(user),
    };
  }

  private sessionUser(user: UserRecord): SessionUser {
    return {
      id: user.id,
      name: user.name,
      phoneMasked: user.phoneEnc ? maskPhone(this.d.pii.decrypt(user.phoneEnc)) : null,
      roles: user.roles,
      enterpriseId: user.enterpriseId,
      departmentId: user.departmentId,
      hasProfile: Boolean(user.name && user.idNumberEnc),
    };
  }

  private codeHash(phoneHash: string, code: string): string {
    return createHmac('sha256', phoneHash).update(code).digest('base64url');
  }
}
