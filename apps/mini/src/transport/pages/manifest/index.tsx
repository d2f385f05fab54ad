import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { TripRow } from '../../../components/trip-row';
import { useDownload } from '../../../hooks/use-download';
import { useLoad } from '../../../hooks/use-load';
import { BOOKING_LABELS, formatTime } from '../../../services/format';
import { workerApi } from '../../../services/worker-api';
import { FullExport } from './full-export';
import '../../../styles/worker.css';
import './index.css';

/**
 * 乘客名单 of one trip (who boarded, seat, temperature, time; flagged passes in red), or the
 * list of trips to choose from. Personal data is masked, in the exports too; the full list is
 * a separate download with a reason, audited on the server.
 */
export default function ManifestPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const tripId = params.tripId ?? '';
  const { data, status, reload } = useLoad(
    async () =>
      tripId
        ? { manifest: await workerApi.manifest(tripId), trips: null }
        : { manifest: null, trips: await workerApi.trips({ pageSize: 50 }) },
    (d) => (d.manifest ? d.manifest.rows.length === 0 : (d.trips?.items.length ?? 0) === 0),
  );
  const { progress, start } = useDownload();
  if (!user) return <PageState status="loading" />;
  const m = data?.manifest;
  const exportAs = (format: 'csv' | 'xlsx', full?: { reason: string }) =>
    start(
      (onProgress) => workerApi.exportManifest(tripId, format, onProgress, full),
      full ? '完整名单已导出' : '脱敏名单已导出',
    );
  return (
    <View className="w-page manifest">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload} emptyTitle={tripId ? '还没有乘客' : '暂无班次'}>
        {m ? (
          <View className="w-card">
            <Text className="w-card__title">乘客名单</Text>
            <Text className="w-muted">
              限载 {m.capacity} · 已订 {m.bookedCount} · 已上车 {m.boardedCount}
            </Text>
            <View className="manifest__export">
              <Button size="small" disabled={progress !== null} onClick={() => exportAs('csv')}>
                导出 CSV（脱敏）
              </Button>
              <Button size="small" disabled={progress !== null} onClick={() => exportAs('xlsx')}>
                导出 Excel（脱敏）
              </Button>
              {progress ? <Text className="w-muted">{progress}</Text> : null}
            </View>
            <FullExport busy={progress !== null} onExport={(reason) => exportAs('csv', { reason })} />
            {m.rows.map((r) => (
              <View key={r.bookingId} className="w-row">
                <Text className="w-row__title">
                  {r.seatNo ? `${r.seatNo} 号 ` : ''}
                  {r.name ?? '（未填姓名）'} {r.phoneMasked ?? ''}
                </Text>
                <Text className="w-muted">
                  {BOOKING_LABELS[r.status]} · {r.pickupPoint}
                  {r.boardedAt
                    ? ` · ${formatTime(r.boardedAt)} 上车 ${r.boardingTemperature?.toFixed(1)} ℃`
                    : ''}
                </Text>
                {r.flag ? (
                  <Text className="w-error">
                    通行码异常：{r.flag.reasons.map((x) => x.message).join('；')}
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        ) : (
          <View className="w-card">
            <Text className="w-card__title">选择班次</Text>
            {(data?.trips?.items ?? []).map((t) => (
              <TripRow key={t.id} trip={t} onOpen={() => openPage(PAGES.manifest, { tripId: t.id })} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
