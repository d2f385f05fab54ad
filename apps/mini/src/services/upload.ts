/**
 * File uploads to the BFF (multipart/form-data): issue photos, the enterprise registry and 批量授权
 * sheets. Taro.request cannot send a file, so these go through the platform's uploader (uploadFile
 * on weapp, FormData on H5) with the token request.ts keeps fresh, and answer like every other
 * call: the parsed body, or one ApiError.
 */
import {
  registryImportRoutes,
  roleGrantImportRoutes,
  subsidyRoutes,
  SUBSIDY_IMPORT_MAX_BYTES,
  wechatRoutes,
  type IssuePhoto,
  type RegistryImport,
  type RoleGrantImport,
  type SubsidyImportKind,
  type SubsidyImportReport,
} from '@fugong/contracts';
import { readDocumentBase64, uploadPhoto, type PickedDocument, type PickedPhoto } from '../platform';
import { goToLogin } from '../navigation';
import { ApiError, connectionError, errorFromResponse } from './api-error';
import { callRoute, fillPath, type CallOptions } from './call-route';
import { accessToken, toastError } from './request';

/**
 * Sends one file to `path` as multipart/form-data and answers like every other call: the parsed
 * body, or one ApiError (the server's refusal, or NETWORK_ERROR when nothing came back), toasted
 * unless `silent`.
 */
async function uploadTo<T>(path: string, file: PickedPhoto, options: { silent?: boolean }): Promise<T> {
  try {
    const token = await accessToken();
    if (!token) {
      goToLogin();
      throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    let reply: Awaited<ReturnType<typeof uploadPhoto>>;
    try {
      reply = await uploadPhoto(path, token, file);
    } catch {
      throw connectionError(false);
    }
    if (reply.statusCode >= 200 && reply.statusCode < 300) return reply.data as T;
    throw errorFromResponse(reply.statusCode, reply.data);
  } catch (failure) {
    const error = failure instanceof ApiError ? failure : new ApiError({ status: 0, code: 'INTERNAL' });
    if (!options.silent) toastError(error);
    throw error;
  }
}

/** Uploads one photo (and the thumbnail the phone made) to an issue (too big, wrong type, not yours → ApiError). */
export function uploadIssuePhoto(
  issueId: string,
  photo: PickedPhoto,
  options: { silent?: boolean } = {},
): Promise<IssuePhoto> {
  return uploadTo(fillPath(wechatRoutes.issuePhotoUpload.path, { id: issueId }), photo, options);
}

/**
 * Uploads an enterprise registry (xlsx or CSV, UTF-8 or GBK) to be imported row by row; answers
 * once the whole file has been read, with the import's figures.
 */
export function uploadRegistry(
  doc: PickedDocument,
  options: { silent?: boolean } = {},
): Promise<RegistryImport> {
  return uploadTo(registryImportRoutes.upload.path, doc, options);
}

/**
 * Sends a 批量授权 sheet (手机号、角色、范围、备注; xlsx or CSV, UTF-8 or GBK); answers once every row
 * was applied or refused, with each row's outcome.
 */
export function uploadRoleGrants(
  doc: PickedDocument,
  options: { silent?: boolean } = {},
): Promise<RoleGrantImport> {
  return uploadTo(roleGrantImportRoutes.upload.path, doc, options);
}

/**
 * Sends a 免申即享 fact file (参保花名册 and the rest; xlsx or CSV, UTF-8 or GBK: the server
 * decodes it) for a period. That route takes the file inside its JSON body, so the bytes are read
 * here; a file over the limit is refused before anything is sent. A file with bad rows is refused
 * whole: the ApiError's details list every row and why.
 */
export async function uploadSubsidyFacts(
  doc: PickedDocument,
  input: { kind: SubsidyImportKind; period: string },
  options: CallOptions = {},
): Promise<SubsidyImportReport> {
  if (doc.size > SUBSIDY_IMPORT_MAX_BYTES) {
    const error = new ApiError({
      status: 0,
      code: 'VALIDATION_ERROR',
      message: '文件过大，请分批导入（每批不超过 2 MB）',
    });
    if (!options.silent) toastError(error);
    throw error;
  }
  const format = /\.xlsx$/i.test(doc.name) ? 'xlsx' : 'csv';
  const dataBase64 = await readDocumentBase64(doc);
  return callRoute(subsidyRoutes.import, { body: { ...input, format, dataBase64 } }, options);
}
