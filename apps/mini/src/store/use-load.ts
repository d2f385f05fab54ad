import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { statusForError, type PageStatus } from '../components/page-state';

/**
 * Loads a page's data and tracks loading / empty / error / offline / ready. Reloads when the
 * page shows again (coming back from a form), keeping the old data on screen if the reload fails
 * (weak signal: the offline banner says it may be stale). Shared by every page that loads data.
 */
export function useLoad<T>(load: () => Promise<T>, isEmpty: (data: T) => boolean = () => false) {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const loadRef = useRef(load);
  loadRef.current = load;
  const emptyRef = useRef(isEmpty);
  emptyRef.current = isEmpty;
  const hasData = useRef(false);

  const reload = useCallback(() => {
    if (!hasData.current) setStatus('loading');
    loadRef.current().then(
      (value) => {
        hasData.current = true;
        setData(value);
        setStatus(emptyRef.current(value) ? 'empty' : 'ready');
      },
      (error: unknown) => {
        // Keep showing what we had: the offline banner tells the person it may be stale.
        if (!hasData.current) setStatus(statusForError(error));
      },
    );
  }, []);

  useDidShow(reload);
  return { data, status, reload, setData };
}
