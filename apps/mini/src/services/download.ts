/**
 * File downloads from the BFF (daily report, passenger list). Taro.request cannot save a file,
 * so these go through the platform's downloader with the token request.ts keeps fresh.
 */
import type { RouteContract } from '@fugong/contracts';
import { downloadFile } from '../platform';
import { goToLogin } from '../navigation';
import { fillPath } from './call-route';
import { accessToken, pathWithQuery, type QueryValue } from './request';

export type OnProgress = (bytes: number) => void;

/**
 * Downloads `path` (query included) and hands it to the person as `filename`. Rejects with an
 * Error whose message is the Chinese sentence to show; sends a signed-out person to sign in.
 */
export async function download(path: string, filename: string, onProgress: OnProgress = () => undefined) {
  const token = await accessToken();
  if (!token) {
    goToLogin();
    throw new Error('请先登录');
  }
  await downloadFile(path, token, filename, onProgress);
}

/** Downloads the file a contract route produces, its `:name` segments and query filled like callRoute's. */
export function downloadRoute(
  route: RouteContract,
  input: { params?: Record<string, string>; query?: Record<string, QueryValue> },
  filename: string,
  onProgress?: OnProgress,
): Promise<void> {
  return download(pathWithQuery(fillPath(route.path, input.params), input.query), filename, onProgress);
}
