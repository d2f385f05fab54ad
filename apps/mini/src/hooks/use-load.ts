import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { statusForError, type PageStatus } from '../components/page-state';

/**
 * Loads a page's data and tracks loading / empty / error / offline / ready. Loads when the page
 * mounts and again whenever it shows (coming back from a form), keeping the old data on screen if
 * a reload fails (weak signal: the offline banner says it may be stale). Shared by every page
 * that loads data.
 *
 * Why both mount and show: on H5, a page in a subpackage can receive its first show before React
 * has run the effect that registers `useDidShow`, and then a show-only page never loads. A show
 * that arrives while a load is running joins it (they ask the same question at the same moment);
 * an explicit `reload()` during a load runs once more after it, because it follows a change the
 * running load may not see.
 */
export function useLoad<T>(load: () => Promise<T>, isEmpty: (data: T) => boolean = () => false) {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const loadRef = useRef(load);
  loadRef.current = load;
  const emptyRef = useRef(isEmpty);
  emptyRef.current = isEmpty;
  const hasData = useRef(false);
  const running = useRef(false);
  const again = useRef(false);

  const run = useCallback(() => {
    running.current = true;
    if (!hasData.current) setStatus('loading');
    const settle = () => {
      running.current = false;
      if (again.current) {
        again.current = false;
        run();
      }
    };
    loadRef.current().then(
      (value) => {
        hasData.current = true;
        setData(value);
        setStatus(emptyRef.current(value) ? 'empty' : 'ready');
        settle();
      },
      (error: unknown) => {
        // Keep showing what we had: the offline banner tells the person it may be stale.
        if (!hasData.current) setStatus(statusForError(error));
        settle();
      },
    );
  }, []);

  /** Starts a load unless one is running (a page show, or the first mount). */
  const refresh = useCallback(() => {
    if (!running.current) run();
  }, [run]);

  /** Loads again after a change: once more after a running load, which may predate the change. */
  const reload = useCallback(() => {
    if (running.current) again.current = true;
    else run();
  }, [run]);

  useEffect(refresh, [refresh]);
  useDidShow(refresh);
  return { data, status, reload, setData };
}
