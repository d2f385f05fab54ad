import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { BookingCard } from '../../components/booking-card';
import { useLoad } from '../../hooks/use-load';
import { workerApi } from '../../services/worker-api';
import '../../styles/worker.css';

/** 预订结果: the seat (or waitlist place) just booked, and the way to the boarding code. */
export default function BookingResultPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const { data, status, reload } = useLoad(
    async () => (await workerApi.myBookings()).items.find((b) => b.id === params.id) ?? null,
    (b) => b === null,
  );
  if (!user) return <PageState status="loading" />;
  return (
    <View className="w-page booking-result">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload} emptyTitle="未找到这次预订">
        {data ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">
                {data.status === 'confirmed'
                  ? '预订成功'
                  : data.status === 'waitlisted'
                    ? '已加入候补'
                    : '预订状态'}
              </Text>
              <Text className="w-muted">乘车当天请完成健康打卡，凭上车码上车</Text>
            </View>
            <BookingCard booking={data} />
            <View className="w-actions">
              {data.status === 'confirmed' ? (
                <Button type="primary" onClick={() => openPage(PAGES.pass, { bookingId: data.id })}>
                  查看上车码
                </Button>
              ) : null}
              <Button onClick={() => openPage(PAGES.myBookings)}>我的行程</Button>
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
