import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Booking } from '@fugong/contracts';
import { arrivalOpen } from '@fugong/domain';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { BookingCard } from '../../components/booking-card';
import { useLoad } from '../../hooks/use-load';
import { workerApi } from '../../services/worker-api';
import '../../styles/worker.css';

const ACTIVE = new Set(['pending', 'confirmed', 'waitlisted', 'boarded']);

/**
 * 确认到达 is offered only once the coach has left (the server refuses it before): boarding
 * opens hours ahead at the pickup point. Read when the list renders, by the phone's clock.
 */
const departed = (b: Booking): boolean => !!b.trip && arrivalOpen(new Date(b.trip.departureAt), new Date());

/** 我的行程: bookings with the boarding code, cancellation, waitlist place and 确认到达 once aboard. */
export default function MyBookingsPage() {
  const user = useSignedInUser();
  const { data, status, reload, setData } = useLoad(
    () => workerApi.myBookings(),
    (d) => d.items.length === 0,
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  if (!user) return <PageState status="loading" />;

  /**
   * Sends one change of a booking and puts the answer in its place. Both changes are harmless
   * twice on the server (a second cancel or arrival returns the booking as it stands), so a
   * retry after a lost answer is safe.
   */
  const change = async (b: Booking, send: (id: string) => Promise<Booking>, done: string) => {
    setBusyId(b.id);
    try {
      const updated = await send(b.id);
      setData((d) => (d ? { items: d.items.map((x) => (x.id === b.id ? updated : x)) } : d));
      await Taro.showToast({ title: done, icon: 'none' });
    } catch {
      // The request wrapper has already told the worker why.
    } finally {
      setBusyId(null);
    }
  };

  const cancel = async (b: Booking) => {
    const { confirm } = await Taro.showModal({
      title: '取消预订',
      content: '取消后座位将让给候补的工友，确定取消吗？',
      confirmText: '取消预订',
      cancelText: '再想想',
    });
    if (confirm) await change(b, (id) => workerApi.cancelBooking(id), '已取消');
  };
  const arrive = (b: Booking) => change(b, (id) => workerApi.confirmArrival(id), '已确认到达');

  const items = data?.items ?? [];
  return (
    <View className="w-page my-bookings">
      <OfflineBanner onRetry={reload} />
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="还没有行程"
        emptyDescription="去「找班车」预订返岗直通车"
      >
        {items.map((b) => (
          <BookingCard key={b.id} booking={b}>
            {ACTIVE.has(b.status) && b.status !== 'boarded' ? (
              <View className="w-actions">
                {b.status === 'confirmed' ? (
                  <Button type="primary" onClick={() => openPage(PAGES.pass, { bookingId: b.id })}>
                    出示上车码
                  </Button>
                ) : null}
                <Button loading={busyId === b.id} disabled={busyId === b.id} onClick={() => cancel(b)}>
                  {b.status === 'waitlisted' ? '取消候补' : '取消预订'}
                </Button>
              </View>
            ) : null}
            {b.status === 'boarded' && !b.arrivedAt && !departed(b) ? (
              <Text className="w-muted">班车发车后可在此确认到达</Text>
            ) : null}
            {b.status === 'boarded' && !b.arrivedAt && departed(b) ? (
              <View className="w-actions">
                <Button
                  type="primary"
                  loading={busyId === b.id}
                  disabled={busyId === b.id}
                  onClick={() => arrive(b)}
                >
                  确认到达
                </Button>
              </View>
            ) : null}
          </BookingCard>
        ))}
        {status === 'ready' ? (
          <Text className="w-muted">发车前 2 小时内不能在线取消，请联系带车人员</Text>
        ) : null}
      </PageState>
    </View>
  );
}
