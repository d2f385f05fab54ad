import { Text, View } from '@tarojs/components';
import type { Booking } from '@fugong/contracts';
import { BOOKING_LABELS, formatTime } from '../../services/format';
import '../../styles/worker.css';

/** One booking: trip, status, waitlist place and any pass warning the worker must act on. */
export function BookingCard({ booking, children }: { booking: Booking; children?: React.ReactNode }) {
  const t = booking.trip;
  return (
    <View className="w-card booking-card">
      <Text className="w-card__title">
        {t ? `${t.originName} → ${t.destinationNames.join('、')}` : '班次'}
      </Text>
      {t ? (
        <Text className="w-line">
          {formatTime(t.departureAt)} 发车 · {t.plate}
        </Text>
      ) : null}
      <Text className="w-line">上车点：{booking.pickupPoint}</Text>
      <Text
        className={`w-badge${booking.status === 'released' || booking.status === 'cancelled' ? ' w-badge--warn' : ''}`}
      >
        {booking.arrivedAt ? '已到达' : BOOKING_LABELS[booking.status]}
      </Text>
      {booking.arrivedAt ? <Text className="w-line">{formatTime(booking.arrivedAt)} 确认到达</Text> : null}
      {booking.status === 'waitlisted' && booking.waitlistPosition ? (
        <Text className="w-line">候补第 {booking.waitlistPosition} 位，有空座时自动转为已订座</Text>
      ) : null}
      {booking.seatNo ? <Text className="w-line">座位号 {booking.seatNo}</Text> : null}
      {booking.flag ? (
        <Text className="w-error">
          通行码异常：{booking.flag.reasons.map((r) => r.message).join('；')}。发车前 30
          分钟仍未转绿码，座位将被释放。
        </Text>
      ) : null}
      {children}
    </View>
  );
}
