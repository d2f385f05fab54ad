/**
 * Choosing a spreadsheet (a registry in xlsx or CSV) and sending it. A mini-program has no file
 * system to browse: WeChat's documented way is chooseMessageFile, a file from a chat (an official
 * forwards the sheet to themself). H5 uses the browser's own file picker. Sending goes through
 * the same multipart uploader as photos (`uploadPhoto`: uploadFile on weapp, FormData on H5).
 */
import Taro from '@tarojs/taro';

const isWeapp = process.env.TARO_ENV === 'weapp';

export interface PickedDocument {
  /** weapp: a temp file path; H5: an object URL of the file. */
  path: string;
  /** H5 only: the File itself, for FormData. */
  file?: Blob;
  name: string;
  size: number;
}

/** The browser's picker for one file of these extensions; null when nothing was chosen. */
function pickInBrowser(extensions: string[]): Promise<PickedDocument | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), file, name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the person choose one file with one of `extensions`; null when they cancelled. */
export async function chooseDocument(extensions: string[]): Promise<PickedDocument | null> {
  if (!isWeapp) return pickInBrowser(extensions);
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const f = tempFiles[0];
    return f ? { path: f.path, name: f.name, size: f.size } : null;
  } catch {
    return null;
  }
}

/**
 * A chosen document's bytes as base64, for routes that take the file inside a JSON body (the
 * 免申即享 fact imports). weapp reads the temp file; H5 reads the File the picker gave.
 */
export async function readDocumentBase64(doc: PickedDocument): Promise<string> {
  if (isWeapp)
    return new Promise((resolve, reject) =>
      Taro.getFileSystemManager().readFile({
        filePath: doc.path,
        encoding: 'base64',
        success: (res) => resolve(res.data as string),
        fail: () => reject(new Error('读取文件失败，请重新选择')),
      }),
    );
  const file = doc.file;
  if (!file) throw new Error('文件已失效，请重新选择');
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('读取文件失败，请重新选择'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}
