/**
 * Photo files beyond picking and sending: the thumbnail a browser draws for the list (weapp has
 * compressImage for that) and showing a photo the BFF serves only with the session's token, which
 * neither an <img> nor WeChat's <image> can send.
 */
import Taro from '@tarojs/taro';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** Longest edge of a browser-made thumbnail: a list tile, sharp on a 2× screen. */
const THUMBNAIL_EDGE = 360;
/** The BFF's thumbnail cap (THUMBNAIL_MAX_BYTES); a noisy photo needs a lower quality to fit. */
const THUMBNAIL_MAX = 200 * 1024;
const QUALITIES = [0.7, 0.5, 0.3];

/**
 * H5: a JPEG thumbnail of a picked photo, drawn on a canvas. Undefined when the browser cannot
 * decode the file (not an image at all, or HEIC in most browsers): the original still goes and
 * the BFF judges it by its bytes.
 */
export async function browserThumbnail(file: Blob): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of QUALITIES) {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
      if (blob && blob.size <= THUMBNAIL_MAX) return blob;
    }
    return undefined;
  } finally {
    bitmap.close();
  }
}

/**
 * Fetches an image route with the session's token into something an image element can show:
 * a temporary file on weapp (downloadFile), a blob URL on H5. Rejects when the BFF refused.
 */
export async function fetchImage(url: string, token: string): Promise<string> {
  const header = { Authorization: `Bearer ${token}` };
  if (isWeapp) {
    const res = await Taro.downloadFile({ url, header });
    if (res.statusCode !== 200) throw new Error(`照片读取失败（${res.statusCode}）`);
    return res.tempFilePath;
  }
  const res = await fetch(url, { headers: header });
  if (!res.ok) throw new Error(`照片读取失败（${res.status}）`);
  return URL.createObjectURL(await res.blob());
}

/** Lets go of an image {@link fetchImage} made once nothing shows it (H5 blob URLs hold memory). */
export function releaseImage(src: string): void {
  if (!isWeapp && src.startsWith('blob:')) URL.revokeObjectURL(src);
}
