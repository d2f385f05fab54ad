import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { TRIP_STATUSES, type Trip, type TripStatus } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { workerApi } from '../../../services/worker-api';
import { Chips } from '../../../components/chips';
import { TRIP_STATUS_LABELS } from '../../../services/format';
import { TripAdminCard } from './trip-card';
import '../../../styles/worker.css';
import './index.css';

type Filter = TripStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...TRIP_STATUSES.map((s) => ({ value: s, label: TRIP_STATUS_LABELS[s] })),
];

/**
 * 班次管理 (transport officer): every trip, drafts included, by departure; create a trip, publish
 * a draft, change a departure time, cancel with a reason, open the passenger list or boarding.
 */
export default function TripAdminPage() {
  const user = useSignedInUser();
  const [filter, setFilter] = useState<Filter>('all');
  const { data, status, reload, setData } = useLoad(
    () => workerApi.trips({ status: filter === 'all' ? undefined : filter, pageSize: 50 }),
    (d) => d.items.length === 0,
  );
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [filter, reload]);
  if (!user) return <PageState status="loading" />;

  const replace = (t: Trip) =>
    setData((old) => old && { ...old, items: old.items.map((x) => (x.id === t.id ? t : x)) });

  return (
    <View className="w-page trip-admin">
      <OfflineBanner onRetry={reload} />
      <View className="w-card">
        <Chips options={FILTERS} value={filter} onChange={setFilter} />
        <View className="w-actions">
          <Button type="primary" block onClick={() => openPage(PAGES.tripForm)}>
            新建班次
          </Button>
          <Button block onClick={() => openPage(PAGES.charterConvert)}>
            包车需求转班次
          </Button>
        </View>
      </View>
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="还没有班次"
        emptyDescription="点“新建班次”创建，保存为草稿后再发布"
      >
        <View>
          {(data?.items ?? []).map((trip) => (
            <TripAdminCard key={trip.id} trip={trip} onChanged={replace} />
          ))}
          {data && data.total > data.items.length ? (
            <Text className="w-muted trip-admin__more">
              共 {data.total} 个班次，显示前 {data.items.length} 个
            </Text>
          ) : null}
        </View>
      </PageState>
    </View>
  );
}
