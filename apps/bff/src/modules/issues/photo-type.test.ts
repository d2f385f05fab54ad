import { looksComplete, photoTypeOf } from './photo-type';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([20, 0, 0, 0]), Buffer.from('WEBP')]);
const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic')]);

describe('photo type by magic bytes', () => {
  it('when the first bytes are a JPEG, PNG, WebP or HEIC signature, then that type', () => {
    expect(photoTypeOf(jpeg)).toBe('image/jpeg');
    expect(photoTypeOf(png)).toBe('image/png');
    expect(photoTypeOf(webp)).toBe('image/webp');
    expect(photoTypeOf(heic)).toBe('image/heic');
  });

  it('when the bytes are a GIF, SVG, PDF, an MP4 (ftyp but not a HEIF brand) or too short, then null', () => {
    expect(photoTypeOf(Buffer.from('GIF89a......'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(photoTypeOf(Buffer.from('%PDF-1.7....'))).toBeNull();
    expect(photoTypeOf(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('when a file lacks its end (JPEG FF D9, PNG IEND, WebP RIFF length), then it is not complete', () => {
    expect(looksComplete('image/jpeg', jpeg, Buffer.from([0x12, 0xff, 0xd9]), 100)).toBe(true);
    expect(looksComplete('image/jpeg', jpeg, Buffer.from([0xff, 0xd9, 0x00]), 100)).toBe(false);
    const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    expect(looksComplete('image/png', png, iend, 100)).toBe(true);
    expect(looksComplete('image/png', png, iend.subarray(0, 10), 100)).toBe(false);
    expect(looksComplete('image/webp', webp, Buffer.alloc(0), 28)).toBe(true);
    expect(looksComplete('image/webp', webp, Buffer.alloc(0), 27)).toBe(false);
  });
});
