import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { useSubmissionKey } from '../../forms/use-submission-key';
import { ApiError, isOfflineError } from '../../services/api-error';
import { askForNews } from '../../services/subscribe';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { PickupChips } from '../../components/chips';
import { useLoad } from '../../hooks/use-load';
import { formatTime } from '../../services/format';
import { workerApi } from '../../services/worker-api';
import '../../styles/worker.css';

/**
 * 班车详情 and booking: choose the pickup point, confirm, and go to the confirmation. A full
 * trip offers 候补 instead. A retry after a lost answer reuses the idempotency key, so the
 * worker can tap again without ever holding two seats.
 */
export default function TripDetailPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const tripId = params.id ?? '';
  const { data: trip, status, reload } = useLoad(() => workerApi.trip(tripId));
  const [pickup, setPickup] = useState('0');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();
  if (!user) return <PageState status="loading" />;
  // Opened without a trip (a cut-off shared link): say so instead of reading a trip that is not there.
  if (!tripId) return <PageState status="error" title="缺少班次信息" description="请从找班车列表进入" />;

  const book = async () => {
    if (!trip) return;
    const full = trip.seatsLeft === 0;
    const { confirm } = await Taro.showModal({
      title: full ? '加入候补' : '确认预订',
      content: `${formatTime(trip.departureAt)} ${trip.originName} → ${trip.destinations[0]?.enterpriseName ?? ''}，上车点：${trip.pickupPoints[Number(pickup)]?.name ?? ''}`,
      confirmText: full ? '候补' : '预订',
    });
    if (!confirm) return;
    // Asked in the confirm tap (WeChat shows its dialog only for a tap): news of the seat or the waitlist place.
    void askForNews();
    const body = { tripId: trip.id, pickupIndex: Number(pickup) };
    setBusy(true);
    setMessage('');
    try {
      const booking = await workerApi.book(body, { idempotencyKey: keyFor(body), silent: true });
      settle();
      openPage(PAGES.booking, { id: booking.id });
    } catch (error) {
      settle(error);
      if (error instanceof ApiError && error.code === 'PASS_NOT_GREEN')
        setMessage(`${error.message}。请先完成今日健康打卡。`);
      else
        setMessage(
          isOfflineError(error)
            ? '网络不给力，预订结果未知，请稍后再点一次（不会重复订座）'
            : (error as Error).message,
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-page trip-detail">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload}>
        {trip ? (
          <View className="w-card">
            <Text className="w-card__title">
              {trip.originName} → {trip.destinations.map((d) => d.enterpriseName).join('、')}
            </Text>
            <Text className="w-line">发车时间：{formatTime(trip.departureAt)}</Text>
            <Text className="w-line">
              车辆：{trip.vehicle.plate}（{trip.vehicle.seats} 座，限载 {trip.capacity} 人）
            </Text>
            <Text className="w-line">
              下车点：{trip.destinations.map((d) => `${d.enterpriseName} ${d.dropPoint}`).join('；')}
            </Text>
            <Text className={trip.seatsLeft > 0 ? 'w-line' : 'w-line w-warn'}>
              {trip.seatsLeft > 0 ? `余座 ${trip.seatsLeft}` : `已满，已有 ${trip.waitlistCount} 人候补`}
            </Text>
            <PickupChips points={trip.pickupPoints} value={pickup} onChange={setPickup} />
            {message ? <Text className="w-error">{message}</Text> : null}
            <View className="w-actions">
              {trip.bookingOpen ? (
                <Button type="primary" loading={busy} disabled={busy} onClick={book}>
                  {trip.seatsLeft > 0 ? '预订座位' : '加入候补'}
                </Button>
              ) : (
                <Text className="w-muted">
                  {trip.status === 'cancelled' ? '该班次已取消' : '已停止预订（发车前 30 分钟截止）'}
                </Text>
              )}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
