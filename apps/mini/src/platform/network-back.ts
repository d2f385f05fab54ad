import Taro from '@tarojs/taro';

/**
 * Calls `listener` each time the phone gets a network connection back: WeChat's
 * onNetworkStatusChange on weapp, the browser's `online` event on H5. Returns the unsubscribe.
 * Either may fire more than once for one reconnection (Wi-Fi and mobile data, a flapping
 * signal), so what a listener starts must be safe to start twice.
 */
export function onNetworkBack(listener: () => void): () => void {
  if (process.env.TARO_ENV === 'weapp') {
    const onChange = (res: { isConnected: boolean }) => {
      if (res.isConnected) listener();
    };
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange(onChange);
  }
  const target = globalThis as { addEventListener?: Window['addEventListener'] };
  if (typeof target.addEventListener !== 'function') return () => undefined;
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}
