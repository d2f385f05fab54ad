/**
 * Reading issue photos: the list from the BFF, and each image fetched with the session's token
 * (the photo routes check who may see the issue, so a plain image address would be refused).
 */
import { wechatRoutes } from '@fugong/contracts';
import { apiBaseUrl, fetchImage } from '../platform';
import { callRoute, fillPath } from './call-route';
import { accessToken } from './request';

/** The photos of an issue, oldest first. */
export function issuePhotos(issueId: string) {
  return callRoute(wechatRoutes.issuePhotoList, { params: { id: issueId } }, { silent: true });
}

/**
 * A photo ready for an image element: the thumbnail for the list, or the original (whose every
 * read the BFF records in the audit log, so fetch it only when the person opens it).
 */
export async function photoImage(photoId: string, kind: 'thumbnail' | 'original'): Promise<string> {
  const route = kind === 'thumbnail' ? wechatRoutes.photoThumbnail : wechatRoutes.photoGet;
  const token = await accessToken();
  if (!token) throw new Error('请先登录');
  return fetchImage(`${apiBaseUrl()}${fillPath(route.path, { id: photoId })}`, token);
}
