import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { staffBookingResultSchema } from '@fugong/contracts';
import { BOOKING_LABELS } from '../../../services/format';

export type StaffBookingResult = z.infer<typeof staffBookingResultSchema>['results'][number];

/** 订上 / 候补第 n 位 / 未订上 and why, in the server's words. */
export function resultText(r: StaffBookingResult): string {
  if (!r.booking) return `未订上：${r.error?.message ?? '原因不明'}`;
  if (r.booking.status === 'waitlisted')
    return `候补中${r.booking.waitlistPosition ? `（第 ${r.booking.waitlistPosition} 位）` : ''}`;
  return BOOKING_LABELS[r.booking.status];
}

/** One line per person the liaison asked for, refused ones in red. */
export function StaffBookingResults({
  results,
  names,
}: {
  results: StaffBookingResult[];
  names: Map<string, string>;
}) {
  return (
    <View className="w-card">
      <Text className="w-card__title">订座结果</Text>
      {results.map((r) => (
        <View key={r.workerId} className="w-row">
          <Text className="w-row__title">{names.get(r.workerId) ?? '（未填姓名）'}</Text>
          <Text className={r.booking ? 'w-line' : 'w-line w-warn'}>{resultText(r)}</Text>
        </View>
      ))}
    </View>
  );
}
