import { useCallback, useEffect, useRef, useState } from 'react';
import {
  queuedScans,
  queueScan,
  uploadQueuedScans,
  type QueuedScan,
  type UploadResult,
} from '../services/boarding-queue';
import { onNetworkBack } from '../platform';
import { useOffline } from './network';

/** An upload under way: how many of how many scans the server has answered. */
export interface UploadCount {
  done: number;
  total: number;
}

/**
 * The marshal's offline scans: how many wait, keeping another, and uploading them — at once
 * when the phone reports its network back (platform/network-back) or a request gets through
 * again, or when the marshal taps 上传. The service runs one upload at a time, so these
 * triggers arriving together still send each scan once.
 */
export function useBoardingQueue(onUploaded: (results: UploadResult[]) => void) {
  const [pending, setPending] = useState<QueuedScan[]>(() => queuedScans());
  const [uploading, setUploading] = useState(false);
  const [progress, setProgress] = useState<UploadCount | null>(null);
  const [results, setResults] = useState<UploadResult[]>([]);
  const offline = useOffline();
  const done = useRef(onUploaded);
  done.current = onUploaded;

  const upload = useCallback(async () => {
    if (queuedScans().length === 0) return;
    setUploading(true);
    try {
      const results = await uploadQueuedScans((n, total) => {
        setProgress({ done: n, total });
        setPending(queuedScans());
      });
      if (results.length > 0) {
        setResults(results);
        done.current(results);
      }
    } finally {
      setUploading(false);
      setPending(queuedScans());
    }
  }, []);

  useEffect(() => {
    if (!offline) void upload();
  }, [offline, upload]);
  useEffect(() => onNetworkBack(() => void upload()), [upload]);

  const keep = useCallback((scan: Omit<QueuedScan, 'key' | 'scannedAt'>) => setPending(queueScan(scan)), []);
  return { pending, uploading, progress, results, keep, upload };
}
