import { contentTypeOf } from './image-file';

describe('image type from bytes', () => {
  it('when base64 starts with the JPEG or PNG signature, then that type is named; anything else is refused', () => {
    expect(contentTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]).toString('base64'))).toBe('image/jpeg');
    expect(
      contentTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]).toString('base64')),
    ).toBe('image/png');
    expect(contentTypeOf(Buffer.from('GIF89a').toString('base64'))).toBeNull();
  });
});
