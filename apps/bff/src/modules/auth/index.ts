/**
 * People's accounts and how they sign in: users, one-time codes, refresh tokens and account
 * merges, and the sign-in routes. What other modules may use: the service and repositories the
 * accounts composition (`composition/accounts.ts`) builds. (The profile's and the enterprise
 * staff's repositories keep their own queries on the users collection, so they open its model.)
 * Publishes no events.
 */
export { authRoutes } from './auth.routes';
export { AuthService, OTP_RULES, type AuthServiceDeps } from './auth.service';
export { AccountMergeRepository, type MergeDone, type MergeRefusal } from './account-merge.repository';
export { OtpRepository } from './otp.repository';
export { RefreshTokenRepository } from './refresh-token.repository';
export { UserRepository, type UserRecord } from './user.repository';
