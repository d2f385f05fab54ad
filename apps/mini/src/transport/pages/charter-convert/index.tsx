import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Trip } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { workerApi } from '../../../services/worker-api';
import { ConvertForm } from './convert-form';
import { ConvertedDrafts } from './drafts';
import { CharterGroupList } from './group-list';
import { requestLine } from './request-line';
import '../../../styles/worker.css';
import './index.css';

/**
 * 包车需求转班次 (transport officer). Without `ids`: the open requests by origin and day. With
 * `ids` (comma-separated request ids): those requests, the coach prefilled from them, converted
 * into draft trips after a confirmation, and the drafts published one by one, each confirmed.
 */
export default function CharterConvertPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const ids = (params.ids ?? '').split(',').filter(Boolean);
  const [drafts, setDrafts] = useState<Trip[] | null>(null);
  const { data, status, reload } = useLoad(
    async () => (ids.length ? Promise.all(ids.map((id) => workerApi.charter(id))) : []),
    (d) => d.length === 0,
  );
  if (!user) return <PageState status="loading" />;
  if (!ids.length)
    return (
      <View className="w-page charter-convert">
        <OfflineBanner />
        <CharterGroupList />
      </View>
    );

  const converted = async (tripIds: string[]) =>
    setDrafts(await Promise.all(tripIds.map((id) => workerApi.trip(id))));
  const closed = (data ?? []).filter((r) => r.state !== 'open');
  return (
    <View className="w-page charter-convert">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload} emptyTitle="找不到这些包车需求">
        <View className="w-card">
          <Text className="w-card__title">包车需求</Text>
          {(data ?? []).map((r) => (
            <View key={r.id} className="w-row">
              <Text className="w-row__title">{requestLine(r)}</Text>
              <Text className="w-muted">
                {r.originName} · 上车点：{r.pickupPoint}
              </Text>
            </View>
          ))}
        </View>
        {drafts ? (
          <ConvertedDrafts
            trips={drafts}
            onChanged={(t) => setDrafts((old) => old && old.map((x) => (x.id === t.id ? t : x)))}
          />
        ) : closed.length > 0 ? (
          <View className="w-card">
            <Text className="w-error">其中 {closed.length} 份需求已安排或已撤回，请返回列表重新选择。</Text>
          </View>
        ) : data ? (
          <ConvertForm requests={data} onConverted={(tripIds) => void converted(tripIds)} />
        ) : null}
        {drafts ? (
          <View className="w-actions">
            <Button block onClick={() => openPage(PAGES.tripAdmin)}>
              去班次管理
            </Button>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
