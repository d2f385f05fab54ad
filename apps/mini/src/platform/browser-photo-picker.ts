/**
 * H5's photo picker: a hidden `<input type="file" accept="image/*">` whose files are handed on as
 * they are. Taro's chooseImage is not used on H5 because it decodes every file into an <img>
 * first and silently drops any the browser cannot show — a HEIC photo from an iPhone, or a file
 * that is not a photo at all — so the person picked something and nothing happened. Here every
 * picked file goes on, and the BFF judges it by its bytes and says why it refuses one.
 */

const INPUT_ID = 'fugong-photo-picker';

/** Opens the browser's picker; resolves with the chosen files (empty when cancelled). */
export function pickFilesInBrowser(count: number): Promise<File[]> {
  document.getElementById(INPUT_ID)?.remove();
  const input = document.createElement('input');
  input.type = 'file';
  input.id = INPUT_ID;
  input.accept = 'image/*';
  input.multiple = count > 1;
  // Off screen rather than display:none: some mobile browsers do not open a hidden input's picker.
  input.style.cssText = 'position:fixed;top:-4000px;left:-4000px;opacity:0;';
  document.body.appendChild(input);
  return new Promise<File[]>((resolve) => {
    const finish = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, count));
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
    // Browsers without a cancel event leave the promise open; the next tap starts a new picker.
    input.addEventListener('cancel', () => finish([]));
    input.click();
  });
}
