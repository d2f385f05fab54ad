import { Text, View } from '@tarojs/components';
import type { Trip } from '@fugong/contracts';
import { formatTime } from '../../services/format';
import '../../styles/worker.css';

/** One trip as a list row: where from, where to, when, and how many seats are left. */
export function TripRow({ trip, onOpen }: { trip: Trip; onOpen: () => void }) {
  return (
    <View className="w-row" onClick={onOpen}>
      <Text className="w-row__title">
        {trip.originName} → {trip.destinations.map((d) => d.enterpriseName).join('、')}
      </Text>
      <Text className="w-muted">
        {formatTime(trip.departureAt)} 发车 · {trip.vehicle.plate}
      </Text>
      <Text className={trip.seatsLeft > 0 ? 'w-line' : 'w-line w-warn'}>
        {trip.seatsLeft > 0
          ? `余座 ${trip.seatsLeft} / ${trip.capacity}`
          : `已满，候补 ${trip.waitlistCount} 人`}
      </Text>
    </View>
  );
}
