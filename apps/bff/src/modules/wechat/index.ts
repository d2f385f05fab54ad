/**
 * Talking to WeChat's servers: the one access token every instance shares (stored in MongoDB,
 * refreshed under a lease) and the HTTP call with WeChat's error codes. Sign-in and the
 * notification sender use it. Publishes no events.
 */
export { AccessTokenRepository, type StoredAccessToken } from './access-token.repository';
export { SharedAccessToken, stableTokenFetcher, type TokenFetcher } from './access-token.service';
export {
  isTokenRejected,
  postWechat,
  TOKEN_REJECTED_ERRCODES,
  WechatError,
  WechatUnreachableError,
} from './wechat-http';
