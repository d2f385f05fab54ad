/**
 * Photo uploads to the BFF (multipart/form-data). Taro.request cannot send a file, so these go
 * through the platform's uploader (uploadFile on weapp, FormData on H5) with the token request.ts
 * keeps fresh, and answer like every other call: the parsed body, or one ApiError.
 */
import { wechatRoutes, type IssuePhoto } from '@fugong/contracts';
import { uploadPhoto, type PickedPhoto } from '../platform';
import { goToLogin } from '../navigation';
import { ApiError, connectionError, errorFromResponse } from './api-error';
import { fillPath } from './call-route';
import { accessToken, toastError } from './request';

/**
 * Uploads one photo (and the thumbnail the phone made) to an issue. Rejects with ApiError: the
 * server's refusal (too big, wrong type, not your issue) or NETWORK_ERROR when nothing came back;
 * toasts it unless `silent`.
 */
export async function uploadIssuePhoto(
  issueId: string,
  photo: PickedPhoto,
  options: { silent?: boolean } = {},
): Promise<IssuePhoto> {
  try {
    const token = await accessToken();
    if (!token) {
      goToLogin();
      throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    const path = fillPath(wechatRoutes.issuePhotoUpload.path, { id: issueId });
    let reply: Awaited<ReturnType<typeof uploadPhoto>>;
    try {
      reply = await uploadPhoto(path, token, photo);
    } catch {
      throw connectionError(false);
    }
    if (reply.statusCode >= 200 && reply.statusCode < 300) return reply.data as IssuePhoto;
    throw errorFromResponse(reply.statusCode, reply.data);
  } catch (failure) {
    const error = failure instanceof ApiError ? failure : new ApiError({ status: 0, code: 'INTERNAL' });
    if (!options.silent) toastError(error);
    throw error;
  }
}
