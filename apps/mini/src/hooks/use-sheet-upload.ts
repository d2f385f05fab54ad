import { useState } from 'react';
import { chooseDocument, type PickedDocument } from '../platform';
import { ApiError } from '../services/api-error';

/**
 * Choose a sheet (xlsx or CSV), send it once, keep what the server answered. A refused or lost
 * upload keeps the file chosen and its reason on the page (the toast is gone in seconds), so the
 * command can fix the sheet or wait for signal and try again. Choosing another file clears the
 * last answer. Shared by the console pages that take a sheet.
 */
export function useSheetUpload<T>(upload: (doc: PickedDocument) => Promise<T>, onSettled?: () => void) {
  const [file, setFile] = useState<PickedDocument | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async () => {
    const picked = await chooseDocument(['xlsx', 'csv']);
    if (!picked) return;
    setFile(picked);
    setResult(null);
    setFailure(null);
  };

  const send = async () => {
    if (!file || sending) return;
    setSending(true);
    setFailure(null);
    try {
      setResult(await upload(file));
      setFile(null);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '上传失败，请重试');
    } finally {
      setSending(false);
      onSettled?.();
    }
  };

  return { file, sending, result, failure, choose, send };
}
