import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OnProgress } from '../services/download';

/**
 * One download at a time with its progress as a short label ("正在生成…", "已下载 12 KB"):
 * exports are slow on weak networks and a second tap must not start a second copy. Success and
 * failure end in one toast. Shared by the pages that export files.
 */
export function useDownload() {
  const [progress, setProgress] = useState<string | null>(null);
  const busy = useRef(false);

  const start = useCallback(async (send: (onProgress: OnProgress) => Promise<void>, done: string) => {
    if (busy.current) return;
    busy.current = true;
    setProgress('正在生成…');
    try {
      await send((bytes) => setProgress(`已下载 ${Math.max(1, Math.round(bytes / 1024))} KB`));
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: (err as Error).message || '导出失败，请重试', icon: 'none' });
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }, []);

  return { progress, start };
}
