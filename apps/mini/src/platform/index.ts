/**
 * Everything that differs between the WeChat mini-program and the H5 build lives here,
 * so the rest of the app never branches on TARO_ENV.
 */
import Taro from '@tarojs/taro';
import { pickFilesInBrowser } from './browser-photo-picker';
import { browserThumbnail } from './photo-file';

export { fetchImage, releaseImage } from './photo-file';

export type LoginMethod = 'wechat' | 'phone';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * Prefix for API paths. H5 is served from the same origin as `/api` (a static server proxies it),
 * so it stays relative; the mini-program has no origin and needs the absolute BFF address
 * given at build time (TARO_APP_API_BASE).
 */
export function apiBaseUrl(): string {
  if (!isWeapp) return '';
  return (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** WeChat users sign in with wx.login; in a browser there is no WeChat identity, so phone + code. */
export const loginMethod: LoginMethod = isWeapp ? 'wechat' : 'phone';

/**
 * Scanning a boarding code: WeChat's camera API on weapp, the page's own camera reader on H5
 * (platform/camera-scan, getUserMedia + jsQR) where the browser offers a camera at all.
 */
export const canScanCode =
  isWeapp || Boolean((globalThis as { navigator?: Navigator }).navigator?.mediaDevices?.getUserMedia);

/**
 * Reads a JSON value saved with {@link writeStored}; null when absent or unreadable.
 * Storage can throw on H5 (private mode, quota) and returns '' for missing keys on both targets.
 */
export function readStored<T>(key: string): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    if (typeof raw !== 'string' || raw === '') return null;
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Saves a JSON value; returns false when the phone refused to store it (full or private mode). */
export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes a stored value; failures are ignored because a missing value is the goal. */
export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to undo: the value is unreadable either way.
  }
}

/**
 * A random id for Idempotency-Key headers. `crypto.randomUUID` only exists in secure contexts
 * and not at all in the mini-program, so fall back to getRandomValues, then Math.random
 * (uniqueness, not secrecy, is what matters for an idempotency key).
 */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  const cryptoApi = (globalThis as { crypto?: Crypto }).crypto;
  if (cryptoApi?.getRandomValues) {
    cryptoApi.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The code WeChat gives for exchanging at the BFF; only meaningful on weapp. */
export async function wechatLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}

/**
 * Reads a boarding QR code with the camera. Null when the marshal cancels. On H5 the camera
 * layer is loaded on first use; a browser that refuses the camera says why in a toast and
 * answers null, so the typed box stays the way in.
 */
export async function scanBoardingCode(): Promise<string | null> {
  if (!isWeapp) {
    try {
      const { scanWithCamera } = await import('./camera-scan');
      return await scanWithCamera();
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : '相机打不开';
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
      return null;
    }
  }
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null;
  }
}

/** Files WeChat's document viewer opens; anything else (CSV) is forwarded to a chat instead. */
const OPENABLE = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;
type Openable = (typeof OPENABLE)[number];

/** Hands a downloaded temporary file to the person on weapp: open it, or forward it to a chat. */
async function showDownloaded(filePath: string, filename: string): Promise<void> {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  if ((OPENABLE as readonly string[]).includes(ext)) {
    await Taro.openDocument({ filePath, fileType: ext as Openable, showMenu: true });
    return;
  }
  // The viewer cannot show CSV: send it to a chat (e.g. 文件传输助手) to open on a computer.
  await Taro.shareFileMessage({ filePath, fileName: filename });
}

const exportFailure = (status: number) => new Error(status === 403 ? '无权导出' : `导出失败（${status}）`);

/**
 * Downloads a generated file (daily report, passenger list) from the BFF with the session's
 * token and reports the bytes received as they arrive. H5 streams it with fetch and hands it to
 * the browser as a download (blob + anchor); the mini-program downloads it to a temporary file
 * and opens it in WeChat's document viewer (or forwards a CSV, which the viewer cannot show).
 */
export async function downloadFile(
  path: string,
  token: string,
  filename: string,
  onProgress: (bytes: number) => void,
): Promise<void> {
  const headers = { Authorization: `Bearer ${token}` };
  if (isWeapp) {
    const filePath = await new Promise<string>((resolve, reject) => {
      const task = Taro.downloadFile({
        url: `${apiBaseUrl()}${path}`,
        header: headers,
        success: (res) =>
          res.statusCode === 200 ? resolve(res.tempFilePath) : reject(exportFailure(res.statusCode)),
        fail: () => reject(new Error('网络不稳定，导出失败，请重试')),
      });
      task.onProgressUpdate((p) => onProgress(p.totalBytesWritten));
    });
    await showDownloaded(filePath, filename);
    return;
  }
  const res = await fetch(path, { headers });
  if (!res.ok || !res.body) throw exportFailure(res.status);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    onProgress(bytes);
  }
  const url = URL.createObjectURL(
    new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Only WeChat can vouch for a phone number (getPhoneNumber); H5 signs in with phone + code. */
export const canBindPhone = isWeapp;

/**
 * The subscribe-message templates the BFF sends (its WECHAT_SUBSCRIBE_TEMPLATE_ID), given to the
 * build as TARO_APP_SUBSCRIBE_TEMPLATE_IDS (comma-separated). Empty: nothing to ask for.
 */
export function subscribeTemplateIds(): string[] {
  return (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** WeChat's answer per template id: accept, reject, ban or filter. */
export type SubscribeResults = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;

/**
 * Asks the person, in WeChat's own dialog, whether they want news of this kind (one message per
 * acceptance: 一次性订阅). WeChat shows the dialog only when called from a tap, so call it first
 * thing in the tap handler (or in a showModal's confirm). Null on H5, with no templates, or when
 * the dialog could not be shown; the in-app inbox has the news either way.
 */
export async function askToSubscribe(templateIds: string[]): Promise<SubscribeResults | null> {
  if (!isWeapp || templateIds.length === 0) return null;
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
      entityIds: [],
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const results: SubscribeResults = {};
    for (const id of templateIds) {
      const decision = res[id];
      if (decision === 'accept' || decision === 'reject' || decision === 'ban' || decision === 'filter')
        results[id] = decision;
    }
    return Object.keys(results).length > 0 ? results : null;
  } catch {
    return null;
  }
}

/** A photo picked on the phone: the original to upload and, where the phone made one, a thumbnail. */
export interface PickedPhoto {
  /** weapp: a temp file path; H5: a blob URL. */
  path: string;
  /** H5 only: the File itself, for FormData. */
  file?: Blob;
  name: string;
  size: number;
  /** weapp: compressImage's smaller copy, read as base64 for uploadFile's formData. */
  thumbnailBase64?: string;
  /** H5: the copy the browser drew on a canvas, sent as the `thumbnail` part. */
  thumbnail?: Blob;
}

/** Largest original the BFF accepts (PHOTO_MAX_BYTES). */
const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

async function weappThumbnail(path: string): Promise<string | undefined> {
  try {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality: 20 });
    const fs = Taro.getFileSystemManager();
    const base64 = fs.readFileSync(tempFilePath, 'base64') as string;
    // The BFF takes thumbnails up to 200 KB; a bigger one is left out, the original still goes.
    return base64.length <= 270_000 ? base64 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lets the person take or choose photos: chooseMedia on weapp (with a compressImage thumbnail per
 * photo), the browser's own file picker on H5 (browser-photo-picker, with a canvas-drawn
 * thumbnail). Empty when they cancelled. Throws an Error with a Chinese message for a photo over
 * 10 MB, before anything is sent.
 */
export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  if (isWeapp) {
    let chosen: Taro.chooseMedia.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseMedia({
        count,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      });
    } catch {
      return [];
    }
    const photos: PickedPhoto[] = [];
    for (const f of chosen.tempFiles) {
      if (f.size > PHOTO_MAX_BYTES) throw new Error('照片超过 10 MB，请换一张或压缩后再选');
      photos.push({
        path: f.tempFilePath,
        name: f.tempFilePath.split('/').pop() || 'photo.jpg',
        size: f.size,
        thumbnailBase64: await weappThumbnail(f.tempFilePath),
      });
    }
    return photos;
  }
  const photos: PickedPhoto[] = [];
  for (const [i, file] of (await pickFilesInBrowser(count)).entries()) {
    if (file.size > PHOTO_MAX_BYTES) throw new Error('照片超过 10 MB，请换一张或压缩后再选');
    photos.push({
      path: URL.createObjectURL(file),
      file,
      name: file.name || `photo-${i + 1}.jpg`,
      size: file.size,
      thumbnail: await browserThumbnail(file),
    });
  }
  return photos;
}

/** What an upload answered: the status and the parsed JSON body (or null). */
export interface UploadReply {
  statusCode: number;
  data: unknown;
}

/**
 * Sends one photo as multipart/form-data (field `file`, thumbnail as field `thumbnail`) with the
 * session's token. weapp: Taro.uploadFile (one file per request, so the thumbnail rides in
 * formData as base64). H5: fetch with FormData. Rejects only when nothing came back (offline).
 */
export async function uploadPhoto(path: string, token: string, photo: PickedPhoto): Promise<UploadReply> {
  const url = `${apiBaseUrl()}${path}`;
  const header = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  const parse = (text: unknown) => {
    if (typeof text !== 'string') return text ?? null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  };
  if (isWeapp) {
    const res = await Taro.uploadFile({
      url,
      filePath: photo.path,
      name: 'file',
      header,
      formData: photo.thumbnailBase64 ? { thumbnail: photo.thumbnailBase64 } : {},
      timeout: 60_000,
    });
    return { statusCode: res.statusCode, data: parse(res.data) };
  }
  const form = new FormData();
  const blob = photo.file ?? (await (await fetch(photo.path)).blob());
  form.append('file', blob, photo.name);
  if (photo.thumbnail) form.append('thumbnail', photo.thumbnail, 'thumbnail.jpg');
  const res = await fetch(url, { method: 'POST', headers: header, body: form });
  return { statusCode: res.status, data: parse(await res.text()) };
}

export { chooseDocument, readDocumentBase64, type PickedDocument } from './document-file';
export { onNetworkBack } from './network-back';
export { canPickOnMap, currentPoint, pickPlaceOnMap, type PickedPlace } from './location';
