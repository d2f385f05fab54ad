import { useCallback, useMemo, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { useLoad } from './use-load';

/** What a paged route answers: one page and the cursor of the next (null on the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

interface More<T, P> {
  /** The first page these were appended to: a reload replaces it, and they are dropped with it. */
  base: P | null;
  items: T[];
  next: string | null;
}

/**
 * A long list a page at a time: the first page through useLoad (its loading, empty and offline
 * states, and reload after a change, which starts again from the top), the next pages appended
 * when the person scrolls to the bottom. A failed next page keeps what is shown; the next scroll
 * tries again.
 */
export function usePagedLoad<P extends CursorPage<unknown>>(loadPage: (cursor?: string) => Promise<P>) {
  type T = P['items'][number];
  const first = useLoad(
    () => loadPage(),
    (d) => d.items.length === 0,
  );
  const [more, setMore] = useState<More<T, P>>({ base: null, items: [], next: null });
  const current: More<T, P> = useMemo(
    () =>
      more.base === first.data ? more : { base: first.data, items: [], next: first.data?.nextCursor ?? null },
    [more, first.data],
  );
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const busy = useRef(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const loadMore = useCallback(() => {
    if (busy.current || !current.next) return;
    busy.current = true;
    setLoadingMore(true);
    const done = () => {
      busy.current = false;
      setLoadingMore(false);
    };
    loadRef.current(current.next).then((page) => {
      setMore({ base: current.base, items: [...current.items, ...page.items], next: page.nextCursor });
      done();
    }, done);
  }, [current]);
  useReachBottom(loadMore);

  return {
    ...first,
    items: [...((first.data?.items ?? []) as T[]), ...current.items],
    hasMore: current.next !== null,
    loadingMore,
    loadMore,
  };
}
