import { useSyncExternalStore } from 'react';
import { isOffline, subscribeNetwork } from '../services/network-status';

/** True while the last request could not reach the server; pages show an offline notice. */
export function useOffline(): boolean {
  return useSyncExternalStore(subscribeNetwork, isOffline, isOffline);
}
