import { Text, View } from '@tarojs/components';
import { ArrowRight, Clock, Location, QrCode, User } from '@nutui/icons-react-taro';
import type { Booking, Checkin, Pass } from '@fugong/contracts';
import { PAGES, openPage } from '../../../navigation';
import { BOOKING_LABELS, PASS_LABELS, chinaDayOf, chinaToday, formatTime } from '../../../services/format';
import { workerApi } from '../../../services/worker-api';
import { useLoad } from '../../../hooks/use-load';
import { Countdown } from '../../../components/countdown';
import './today.css';

interface WorkerToday {
  pass: Pass | null;
  checkin: Checkin | null;
  bookings: Booking[];
}

/** Each part loads on its own terms: a failed bookings call must not hide the pass. */
async function loadToday(): Promise<WorkerToday> {
  const [pass, latest, mine] = await Promise.allSettled([
    workerApi.pass(),
    workerApi.latestCheckin(),
    workerApi.myBookings(),
  ]);
  if (pass.status === 'rejected' && latest.status === 'rejected') throw pass.reason;
  return {
    pass: pass.status === 'fulfilled' ? pass.value : null,
    checkin: latest.status === 'fulfilled' ? latest.value.checkin : null,
    bookings: mine.status === 'fulfilled' ? mine.value.items : [],
  };
}

/** The booking the worker travels on next: confirmed or waitlisted, not yet departed. */
export function nextTrip(bookings: readonly Booking[], now = Date.now()): Booking | null {
  const upcoming = bookings
    .filter((b) => (b.status === 'confirmed' || b.status === 'waitlisted') && b.trip)
    .filter((b) => new Date(b.trip!.departureAt).getTime() > now - 3_600_000)
    .sort((a, b) => a.trip!.departureAt.localeCompare(b.trip!.departureAt));
  return upcoming[0] ?? null;
}

/**
 * 今天: what a health-code app opens on. The pass colour as one big card (tap → the code),
 * whether today's check-in is done, and the next trip with its boarding code one tap away.
 */
export function WorkerTodayCard({ profileDone }: { profileDone: boolean }) {
  const today = useLoad(loadToday);
  const data = today.data;
  if (!data) {
    return (
      <View className="today today--loading">
        <Text className="today__muted">
          {today.status === 'loading' ? '正在读取今日状态…' : '今日状态暂时读不到'}
        </Text>
      </View>
    );
  }
  const checkedInToday = data.checkin?.day === chinaToday();
  const color = data.pass?.color ?? 'yellow';
  const trip = nextTrip(data.bookings);
  return (
    <View className="today">
      {profileDone ? null : (
        <View className="today-row today-row--todo" role="button" onClick={() => openPage(PAGES.profile)}>
          <User size={24} color="#b42318" />
          <View className="today-row__text">
            <Text className="today-row__line">请先完善个人资料</Text>
            <Text className="today-row__sub">
              姓名、身份证号、户籍县（区）和工作单位，订座和通行码都要用到
            </Text>
          </View>
          <Text className="today-row__action">去完善</Text>
        </View>
      )}
      <View
        className={`today-pass today-pass--${color}`}
        role="button"
        aria-label={`我的通行码：${PASS_LABELS[color]}，点击出示`}
        onClick={() => openPage(PAGES.pass)}
      >
        <QrCode size={40} color="#ffffff" />
        <View className="today-pass__text">
          <Text className="today-pass__color">{PASS_LABELS[color]}</Text>
          <Text className="today-pass__hint">
            {data.pass?.reasons[0]?.message ?? (color === 'green' ? '可正常通行、乘车' : '点击查看原因')}
          </Text>
        </View>
        <Text className="today-pass__open">出示</Text>
      </View>

      <View className="today-row" role="button" onClick={() => openPage(PAGES.checkin)}>
        <Clock size={24} color={checkedInToday ? '#17753a' : '#b42318'} />
        <Text className="today-row__text">
          {checkedInToday
            ? `今日已打卡 · ${data.checkin!.temperature.toFixed(1)} ℃`
            : '今日还没有打卡，点此打卡'}
        </Text>
        <ArrowRight size={16} color="#555b66" />
      </View>

      {trip ? (
        <View
          className="today-row"
          role="button"
          // A seat has its offline boarding code; a waitlist place only the pass.
          onClick={() => openPage(PAGES.pass, trip.status === 'confirmed' ? { bookingId: trip.id } : {})}
        >
          <Location size={24} color="#1f5fb4" />
          <View className="today-row__text">
            <Text className="today-row__line">
              {chinaDayOf(trip.trip!.departureAt) === chinaToday() ? '今天' : ''}
              {formatTime(trip.trip!.departureAt)} {trip.trip!.originName} →{' '}
              {trip.trip!.destinationNames.join('、')}
            </Text>
            <Text className="today-row__sub">
              {trip.status === 'waitlisted'
                ? `候补第 ${trip.waitlistPosition ?? '-'} 位`
                : `${BOOKING_LABELS[trip.status]}${trip.seatNo ? ` · 座位 ${trip.seatNo}` : ''} · ${trip.pickupPoint}`}
              {' · '}
              <Countdown to={trip.trip!.departureAt} prefix="距发车" />
            </Text>
          </View>
          <Text className="today-row__action">上车码</Text>
        </View>
      ) : (
        <View className="today-row" role="button" onClick={() => openPage(PAGES.trips)}>
          <Location size={24} color="#1f5fb4" />
          <Text className="today-row__text">还没有预订返岗班车，点此找班车</Text>
          <ArrowRight size={16} color="#555b66" />
        </View>
      )}
    </View>
  );
}
