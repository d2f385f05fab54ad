/**
 * Picks one photo and reads it as base64 for POST /api/attachments. The mini-program reads the
 * temp file through its file system API; a browser fetches the blob URL it was given. (The
 * one platform branch of these pages — a candidate for src/platform once the lead wants it there.)
 */
import Taro from '@tarojs/taro';
import { ATTACHMENT_MAX_BYTES } from '@fugong/contracts';

export interface PickedImage {
  filename: string;
  contentType: 'image/jpeg' | 'image/png';
  dataBase64: string;
  size: number;
}

/** The declared type comes from the bytes (what the server checks too), not from the file name. */
export function contentTypeOf(dataBase64: string): PickedImage['contentType'] | null {
  if (dataBase64.startsWith('/9j/')) return 'image/jpeg';
  if (dataBase64.startsWith('iVBORw0KGgo')) return 'image/png';
  return null;
}

async function readBase64(path: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await new Promise<{ data: string | ArrayBuffer }>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({
        filePath: path,
        encoding: 'base64',
        success: resolve,
        fail: reject,
      }),
    );
    return String(res.data);
  }
  const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * One compressed photo, or null when the person cancelled. Throws an Error with a Chinese message
 * when the picture is not JPG/PNG or is over the cap, before anything is sent.
 */
export async function pickImage(): Promise<PickedImage | null> {
  let chosen: Taro.chooseImage.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return null;
  }
  const path = chosen.tempFilePaths[0];
  if (!path) return null;
  const dataBase64 = await readBase64(path);
  const contentType = contentTypeOf(dataBase64);
  if (!contentType) throw new Error('只支持 JPG 或 PNG 图片');
  const size = Math.floor((dataBase64.length * 3) / 4);
  if (size > ATTACHMENT_MAX_BYTES)
    throw new Error(
      `图片过大（${Math.ceil(size / 1024)} KB），请截图或选择不超过 ${ATTACHMENT_MAX_BYTES / 1024} KB 的图片`,
    );
  return { filename: path.split('/').pop() || 'photo', contentType, dataBase64, size };
}
