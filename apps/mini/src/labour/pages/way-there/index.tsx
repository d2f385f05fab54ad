import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { RegionName } from '../../../components/region-name';
import { openPage, PAGES } from '../../../navigation';
import { toChinaDateTime } from '../../../services/format';
import { labourApi } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 后到岗 (seed 003): once hired, the way to the factory. Published trips from the worker's home
 * county to that firm, nearest departure first, each opening the booking screen; or, when the firm
 * takes new hires on its charter bus, word that the worker is on its list and the liaison will
 * say when it leaves.
 */
export default function WayTherePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const way = useLoad(() => labourApi.wayThere(id));
  const d = way.data;
  return (
    <View className="w-page way-there">
      <OfflineBanner onRetry={way.reload} />
      <PageState status={way.status} onRetry={way.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">前往 {d.enterpriseName}</Text>
              <View className="w-line">
                <Text>出发地：</Text>
                <RegionName code={d.homeRegionCode} />
              </View>
              {d.charterBus ? (
                <Text className="w-line">
                  企业安排包车接新员工：您已在企业的返岗名单中，联络员会通知乘车时间和地点
                </Text>
              ) : null}
            </View>
            <View className="w-card">
              <Text className="w-card__title">从家乡到企业的车次</Text>
              {d.trips.length === 0 ? (
                <Text className="w-muted">
                  {d.charterBus
                    ? '暂无公开车次，请等待企业包车通知'
                    : '暂无从家乡到企业的车次，请稍后再看或联系企业'}
                </Text>
              ) : null}
              {d.trips.map((t) => (
                <View key={t.id} className="w-row" onClick={() => openPage(PAGES.tripDetail, { id: t.id })}>
                  <Text className="w-row__title">
                    {t.originText} → {t.destinationText || d.enterpriseName}
                  </Text>
                  <Text className="w-muted">
                    {toChinaDateTime(t.departureAt)} 发车 ·{' '}
                    {t.seatsLeft > 0 ? `余 ${t.seatsLeft} 座` : '已满，可候补'}
                  </Text>
                </View>
              ))}
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
