import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { statusForError, type PageStatus } from '../components/page-state';

/** A short-lived signed code as the server hands it out: shown until `expiresAt`, renewed sooner. */
interface RotatingCode {
  expiresAt: string;
  refreshInSec: number;
}

export interface RotatingCodeView<T> {
  code: T | null;
  status: PageStatus;
  /** Why no code can be shown at all (the refusal's message); '' otherwise. */
  refusal: string;
  /** True once the code on screen has run out (or there is none). */
  expired: boolean;
  /** Seconds the code on screen has left, for its countdown. */
  left: number;
  refresh: () => void;
}

/**
 * A QR code that lives 90 s and is replaced every minute while the page is shown (通行码, 货车通行证):
 * a screenshot or a forwarded picture stops working within two minutes. Hidden, the page stops its
 * timers; shown again it fetches a fresh code. A failed fetch is retried every 10 s, keeping the
 * last code (it is hidden once it expires). `refused` names the errors that end it instead (a
 * revoked pass): then there is no code to show and no point retrying.
 *
 * `fetchCode` is null while there is nothing to fetch; `key` names what the code is for, so a new
 * key fetches at once.
 */
export function useRotatingCode<T extends RotatingCode>(
  fetchCode: (() => Promise<T>) | null,
  key: string,
  refused: (error: unknown) => string | null = () => null,
): RotatingCodeView<T> {
  const [code, setCode] = useState<T | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const [refusal, setRefusal] = useState('');
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tick = useRef<ReturnType<typeof setInterval> | null>(null);
  const inFlight = useRef(false);
  // Refs, so the refresh loop keeps one identity per key while the page re-renders.
  const fetchRef = useRef(fetchCode);
  fetchRef.current = fetchCode;
  const refusedRef = useRef(refused);
  refusedRef.current = refused;

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (tick.current) clearInterval(tick.current);
    timer.current = null;
    tick.current = null;
  }, []);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    const fetchNow = fetchRef.current;
    if (!fetchNow) return;
    inFlight.current = true;
    fetchNow().then(
      (fresh) => {
        inFlight.current = false;
        setCode(fresh);
        setRefusal('');
        setStatus('ready');
        timer.current = setTimeout(refresh, fresh.refreshInSec * 1000);
      },
      (error: unknown) => {
        inFlight.current = false;
        const message = refusedRef.current(error);
        if (message !== null) {
          setCode(null);
          setRefusal(message);
          setStatus('ready');
          return;
        }
        setStatus((s) => (s === 'ready' ? s : statusForError(error)));
        timer.current = setTimeout(refresh, 10_000);
      },
    );
    // The key is what the code is for: a new one restarts the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the fetch is read through a ref; the key is the trigger
  }, [key]);

  useDidShow(
    useCallback(() => {
      // Back on the page after hiding it: the timers were stopped, so fetch a fresh code.
      if (!inFlight.current && !timer.current) refresh();
      if (!tick.current) tick.current = setInterval(() => setNow(Date.now()), 1000);
    }, [refresh]),
  );
  // On opening, or for a new key: fetch its code unless one is on its way.
  useEffect(() => {
    if (!inFlight.current) refresh();
  }, [refresh]);
  useDidHide(stop);
  useEffect(() => stop, [stop]);

  const expiresAt = code ? new Date(code.expiresAt).getTime() : 0;
  return {
    code,
    status,
    refusal,
    expired: code ? now >= expiresAt : true,
    left: code ? Math.max(0, Math.ceil((expiresAt - now) / 1000)) : 0,
    refresh,
  };
}
