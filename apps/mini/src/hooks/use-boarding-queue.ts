import { useCallback, useEffect, useRef, useState } from 'react';
import {
  queuedScans,
  queueScan,
  uploadQueuedScans,
  type QueuedScan,
  type UploadResult,
} from '../services/boarding-queue';
import { useOffline } from './network';

/**
 * The marshal's offline scans: how many wait, keeping another, and uploading them — at once
 * when the page sees the network come back, or when the marshal taps 上传.
 */
export function useBoardingQueue(onUploaded: (results: UploadResult[]) => void) {
  const [pending, setPending] = useState<QueuedScan[]>(() => queuedScans());
  const [uploading, setUploading] = useState(false);
  const [results, setResults] = useState<UploadResult[]>([]);
  const offline = useOffline();
  const busy = useRef(false);
  const done = useRef(onUploaded);
  done.current = onUploaded;

  const upload = useCallback(async () => {
    if (busy.current || queuedScans().length === 0) return;
    busy.current = true;
    setUploading(true);
    try {
      const results = await uploadQueuedScans();
      if (results.length > 0) {
        setResults(results);
        done.current(results);
      }
    } finally {
      busy.current = false;
      setUploading(false);
      setPending(queuedScans());
    }
  }, []);

  useEffect(() => {
    if (!offline) void upload();
  }, [offline, upload]);

  const keep = useCallback((scan: Omit<QueuedScan, 'key' | 'scannedAt'>) => setPending(queueScan(scan)), []);
  return { pending, uploading, results, keep, upload };
}
