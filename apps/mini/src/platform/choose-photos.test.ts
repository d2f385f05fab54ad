import { choosePhotos } from './index';

/** The picker input the platform layer opened, once it has. */
const pickerInput = () => document.querySelector<HTMLInputElement>('input[type=file]');

/** Answers the browser's picker as a person does: the files land on the input, then `change`. */
function pick(files: File[]): void {
  const input = pickerInput();
  if (!input) throw new Error('no picker was opened');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

beforeAll(() => {
  // jsdom has no blob URLs; the page only needs an address per picked file.
  URL.createObjectURL = jest.fn(() => `blob:picked-${Math.random()}`);
});

describe('choosing photos in the browser (H5)', () => {
  it('when the person picks a file the browser cannot show, then it is still offered for upload (the server judges its bytes)', async () => {
    const chosen = choosePhotos(6);
    expect(pickerInput()?.accept).toBe('image/*');
    expect(pickerInput()?.multiple).toBe(true);
    const heic = new File([new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70])], 'IMG_0001.HEIC');
    const notes = new File(['会议纪要'], 'notes.jpg', { type: 'image/jpeg' });
    pick([heic, notes]);
    const photos = await chosen;
    expect(photos.map((p) => [p.name, p.size, p.file])).toEqual([
      ['IMG_0001.HEIC', heic.size, heic],
      ['notes.jpg', notes.size, notes],
    ]);
    // Nothing the browser could draw, so no thumbnail: the list shows a plain tile instead.
    expect(photos.every((p) => p.thumbnail === undefined)).toBe(true);
    expect(pickerInput()).toBeNull();
  });

  it('when the person picks more photos than may still be added, then only that many are kept', async () => {
    const chosen = choosePhotos(1);
    expect(pickerInput()?.multiple).toBe(false);
    pick([new File(['a'], 'a.jpg'), new File(['b'], 'b.jpg')]);
    expect((await chosen).map((p) => p.name)).toEqual(['a.jpg']);
  });

  it('when the photo is over 10 MB, then the person is told before anything is sent', async () => {
    const chosen = choosePhotos(6);
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' });
    pick([big]);
    await expect(chosen).rejects.toThrow('照片超过 10 MB，请换一张或压缩后再选');
  });

  it('when the person closes the picker, then nothing is added', async () => {
    const chosen = choosePhotos(6);
    pickerInput()!.dispatchEvent(new Event('cancel'));
    await expect(chosen).resolves.toEqual([]);
  });
});
