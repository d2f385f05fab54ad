import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Trip } from '@fugong/contracts';
import { publishConfirmed } from '../../../components/trip-confirm';
import { TRIP_STATUS_LABELS, formatTime } from '../../../services/format';

/** One draft the conversion made, published from here after the same confirmation as 班次管理. */
function DraftRow({ trip, onChanged }: { trip: Trip; onChanged: (t: Trip) => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const publish = async () => {
    setBusy(true);
    setMessage('');
    try {
      const published = await publishConfirmed(trip);
      if (published) onChanged(published);
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="w-row charter-convert__draft">
      <Text className="w-row__title">
        {trip.originName} · {formatTime(trip.departureAt)} · {trip.vehicle.plate} · 限载 {trip.capacity} 人
      </Text>
      <Text className="w-muted charter-convert__status">{TRIP_STATUS_LABELS[trip.status]}</Text>
      {trip.status === 'draft' ? (
        <Button size="small" type="primary" loading={busy} disabled={busy} onClick={() => void publish()}>
          发布
        </Button>
      ) : null}
      {message ? <Text className="w-error">{message}</Text> : null}
    </View>
  );
}

/** The trips a conversion created, each with its state and a 发布 button while a draft. */
export function ConvertedDrafts({ trips, onChanged }: { trips: Trip[]; onChanged: (t: Trip) => void }) {
  return (
    <View className="w-card">
      <Text className="w-card__title">已生成 {trips.length} 个班次</Text>
      <Text className="w-muted">草稿发布前务工人员看不到；也可稍后在“班次管理”发布。</Text>
      {trips.map((t) => (
        <DraftRow key={t.id} trip={t} onChanged={onChanged} />
      ))}
    </View>
  );
}
