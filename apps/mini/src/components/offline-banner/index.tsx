import { Text, View } from '@tarojs/components';
import { useOffline } from '../../hooks/network';
import './index.css';

export interface OfflineBannerProps {
  /** Tapping the banner retries the page's load. */
  onRetry?: () => void;
}

/**
 * A strip above content that is still shown from the phone's memory while the network is
 * down, so a worker knows the page may be out of date. Renders nothing when online.
 */
export function OfflineBanner({ onRetry }: OfflineBannerProps) {
  const offline = useOffline();
  if (!offline) return null;
  return (
    <View className="offline-banner" onClick={onRetry} role="status">
      <Text>网络不可用，显示的可能不是最新信息</Text>
      {onRetry ? <Text className="offline-banner__retry">点此重试</Text> : null}
    </View>
  );
}
