import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PassToken } from '@fugong/contracts';
import { BoardingCode } from '../../components/boarding-code';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import type { KeptPass } from '../../services/kept-pass';
import type { useBoardingCode } from '../../hooks/use-boarding-code';
import { PassColour } from './pass-colour';

/**
 * 上车码 of one booking: the offline code (works without signal for the trip's boarding
 * window), with the pass colour above it: the one just read, or offline the one kept on the
 * phone marked with its time — the marshal checks the colour before scanning.
 */
export function BoardingView({
  name,
  pass,
  kept,
  boarding,
}: {
  name: string;
  pass: PassToken | null;
  kept: KeptPass | null;
  boarding: ReturnType<typeof useBoardingCode>;
}) {
  const { code, offline, error, loading, refresh } = boarding;
  return (
    <View className="w-page pass">
      <OfflineBanner onRetry={refresh} />
      <PageState
        status={code ? 'ready' : loading ? 'loading' : error ? 'error' : 'offline'}
        onRetry={refresh}
        title={error ? '暂时没有上车码' : undefined}
        description={error ?? (code ? undefined : '请在有网络时打开一次，上车码会保存在本机')}
      >
        {code ? (
          <View className="w-card">
            {pass && !offline ? (
              <PassColour color={pass.pass.color} name={name} />
            ) : kept ? (
              <PassColour color={kept.pass.color} name={name} keptAt={kept.fetchedAt} />
            ) : (
              <Text className="w-card__title">{name || '上车码'}</Text>
            )}
            <BoardingCode code={code} offline={offline} />
            {offline ? (
              <View className="w-actions">
                <Button onClick={refresh}>有网络了？点此更新</Button>
              </View>
            ) : null}
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
