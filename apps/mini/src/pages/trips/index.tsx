import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { TripRow } from '../../components/trip-row';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { Chips } from '../../components/chips';
import { useLoad } from '../../hooks/use-load';
import { workerApi } from '../../services/worker-api';
import '../../styles/worker.css';

/** The labour-sending provinces of the seeds, as origin filters (division code prefixes). */
export const ORIGIN_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: '52', label: '贵州' },
  { value: '51', label: '四川' },
  { value: '34', label: '安徽' },
  { value: '43', label: '湖南' },
  { value: '41', label: '河南' },
  { value: '36', label: '江西' },
];

/** 找班车: published point-to-point trips, filtered by the province the worker leaves from. */
export default function TripsPage() {
  const user = useSignedInUser();
  const [origin, setOrigin] = useState('all');
  const { data, status, reload } = useLoad(
    () => workerApi.trips({ origin: origin === 'all' ? undefined : origin, pageSize: 50 }),
    (d) => d.items.length === 0,
  );
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [origin, reload]);
  if (!user) return <PageState status="loading" />;

  return (
    <View className="w-page trips">
      <OfflineBanner onRetry={reload} />
      <View className="w-card">
        <Text className="w-card__title">出发省份</Text>
        <Chips options={ORIGIN_OPTIONS} value={origin} onChange={setOrigin} />
      </View>
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="暂无可预订的班车"
        emptyDescription="交通专班发布新班次后会显示在这里"
      >
        <View className="w-card">
          {(data?.items ?? []).map((trip) => (
            <TripRow key={trip.id} trip={trip} onOpen={() => openPage(PAGES.tripDetail, { id: trip.id })} />
          ))}
        </View>
      </PageState>
    </View>
  );
}
