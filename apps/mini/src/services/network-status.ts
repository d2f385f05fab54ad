/**
 * Whether the last request reached the server. The request wrapper reports; pages subscribe
 * (via hooks/network) to show an offline banner instead of a blank screen on a weak signal.
 */
let offline = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (offline === next) return;
  offline = next;
  listeners.forEach((listener) => listener());
}

/** A request failed without any HTTP answer. */
export function markOffline(): void {
  set(true);
}

/** A request got an HTTP answer (any status): the network is back. */
export function markOnline(): void {
  set(false);
}

/** Current offline flag. */
export function isOffline(): boolean {
  return offline;
}

/** Calls `listener` whenever the flag flips; returns the unsubscribe function. */
export function subscribeNetwork(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
