import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { tripCancelSchema, tripChangeSchema, type Trip } from '@fugong/contracts';
import { openPage, PAGES } from '../../../navigation';
import { workerApi } from '../../../services/worker-api';
import { TRIP_STATUS_LABELS, formatTime, fromChinaDateTime, toChinaDateTime } from '../../../services/format';
import { InlineForm } from './inline-form';
import { publishConfirmed } from '../../../components/trip-confirm';

type Panel = 'time' | 'cancel' | null;

/** Asks before cancelling: everyone holding or waiting for a seat hears about it. */
async function confirmCancel(trip: Trip): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '取消班次',
    content: `取消后，已订座的 ${trip.bookedCount} 人和候补的 ${trip.waitlistCount} 人都会收到取消通知。确定取消？`,
    confirmText: '取消班次',
    cancelText: '再想想',
  });
  return confirm;
}

/** A new departure time reaches everyone booked: asked before it is sent. */
async function confirmTimeChange(trip: Trip): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '修改发车时间',
    content: `已订座的 ${trip.bookedCount} 人和候补的 ${trip.waitlistCount} 人都会收到改时间通知。确定修改？`,
    confirmText: '修改',
    cancelText: '再想想',
  });
  return confirm;
}

/**
 * One trip as the transport officer manages it: state and load, then publish (drafts), change
 * the departure time, cancel with a reason, and open its passenger list or boarding check.
 */
export function TripAdminCard({ trip, onChanged }: { trip: Trip; onChanged: (t: Trip) => void }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState('');
  const live = trip.status !== 'cancelled';
  const done = (t: Trip) => {
    setPanel(null);
    setMessage('');
    onChanged(t);
  };
  const toggle = (p: Panel) => setPanel((old) => (old === p ? null : p));

  const publish = async () => {
    setPublishing(true);
    setMessage('');
    try {
      const published = await publishConfirmed(trip);
      if (published) done(published);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <View className="w-card trip-card">
      <View className="trip-card__head">
        <Text className="w-row__title">
          {trip.originName} → {trip.destinations.map((d) => d.enterpriseName).join('、')}
        </Text>
        <Text className={`w-badge trip-card__status${live ? '' : ' w-badge--warn'}`}>
          {TRIP_STATUS_LABELS[trip.status]}
        </Text>
      </View>
      <Text className="w-line">
        {formatTime(trip.departureAt)} 发车 · {trip.vehicle.plate} · {trip.driver.name}
      </Text>
      <Text className="w-muted">
        {trip.vehicle.seats} 座 × 客座率 {trip.occupancyCapPct}% = 限载 {trip.capacity} 人 · 已订{' '}
        {trip.bookedCount} · 候补 {trip.waitlistCount} · 已上车 {trip.boardedCount}
      </Text>
      {trip.cancelReason ? <Text className="w-error">取消原因：{trip.cancelReason}</Text> : null}
      {message ? <Text className="w-error">{message}</Text> : null}
      <View className="trip-card__actions">
        {trip.status === 'draft' ? (
          <Button type="primary" size="small" loading={publishing} disabled={publishing} onClick={publish}>
            发布
          </Button>
        ) : null}
        {live ? (
          <Button size="small" onClick={() => toggle('time')}>
            改时间
          </Button>
        ) : null}
        {live ? (
          <Button size="small" onClick={() => toggle('cancel')}>
            取消班次
          </Button>
        ) : null}
        <Button size="small" onClick={() => openPage(PAGES.manifest, { tripId: trip.id })}>
          乘客名单
        </Button>
        {trip.status === 'published' ? (
          <Button size="small" onClick={() => openPage(PAGES.marshalScan, { tripId: trip.id })}>
            上车核验
          </Button>
        ) : null}
      </View>
      {panel === 'time' ? (
        <InlineForm
          placeholder="新发车时间 YYYY-MM-DD HH:mm"
          initial={toChinaDateTime(trip.departureAt)}
          action="保存发车时间"
          schema={tripChangeSchema}
          candidate={(text) => ({ departureAt: fromChinaDateTime(text) })}
          confirm={() => confirmTimeChange(trip)}
          send={(body, idempotencyKey) =>
            workerApi.changeTrip(trip.id, body, { idempotencyKey, silent: true })
          }
          onDone={done}
        />
      ) : null}
      {panel === 'cancel' ? (
        <InlineForm
          placeholder="取消原因（将通知已订座人员）"
          action="确认取消"
          schema={tripCancelSchema}
          candidate={(reason) => ({ reason })}
          confirm={() => confirmCancel(trip)}
          send={(body, idempotencyKey) =>
            workerApi.cancelTrip(trip.id, body.reason, { idempotencyKey, silent: true })
          }
          onDone={done}
        />
      ) : null}
    </View>
  );
}
