import type { PHOTO_TYPES } from '@fugong/contracts';

export type PhotoType = (typeof PHOTO_TYPES)[number];

/** How many first bytes the type check needs (HEIC's brand sits at bytes 8–11). */
export const PHOTO_HEAD_BYTES = 12;

const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
/** ISO-BMFF brands of HEIF images a phone camera writes (iPhone: heic; others mif1/heix). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The image type the first bytes declare, or null. The file name and the part's Content-Type are
 * the client's word (weapp's uploadFile sends none that can be trusted); these bytes are the file's.
 */
export function photoTypeOf(head: Buffer): PhotoType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (
    head.length >= 8 &&
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(head, 8, 12)))
    return 'image/heic';
  return null;
}

const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * True when a file of this type ends the way a whole one does: JPEG with its end-of-image marker
 * (FF D9), PNG with its IEND chunk, WebP with as many bytes as its RIFF header says. A photo cut
 * off on the phone (a failed write, a half-copied file) is refused instead of stored broken.
 * HEIC has no end marker; its boxes are not walked here.
 */
export function looksComplete(type: PhotoType, head: Buffer, tail: Buffer, size: number): boolean {
  if (type === 'image/jpeg')
    return tail.length >= 2 && tail[tail.length - 2] === 0xff && tail[tail.length - 1] === 0xd9;
  if (type === 'image/png') return tail.length >= 8 && tail.subarray(tail.length - 8).equals(PNG_END);
  if (type === 'image/webp') return head.length >= 8 && head.readUInt32LE(4) + 8 === size;
  return true;
}
