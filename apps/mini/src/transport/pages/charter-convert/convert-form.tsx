import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { convertChartersSchema, type CharterRequest } from '@fugong/contracts';
import { DEFAULT_OCCUPANCY_CAP_PCT } from '@fugong/domain';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { workerApi } from '../../../services/worker-api';
import { chinaToday, fromChinaDateTime } from '../../../services/format';
import { planText, suggestDeparture, suggestSeats } from './plan';

type Key = 'departureAt' | 'plate' | 'seats' | 'driver' | 'cap';

/** The boxes in screen order; `error` names the contract field whose message shows under it. */
const FIELDS: { key: Key; label: string; placeholder: string; error: string; number?: boolean }[] = [
  { key: 'departureAt', label: '发车时间', placeholder: '如 2026-03-06 07:00', error: 'departureAt' },
  { key: 'plate', label: '车牌号', placeholder: '如 贵A12345', error: 'plate' },
  { key: 'seats', label: '座位数', placeholder: '核定座位数', error: 'seats', number: true },
  { key: 'driver', label: '司机', placeholder: '司机姓名', error: 'driver' },
  { key: 'cap', label: '客座率上限（%）', placeholder: '默认 50', error: 'occupancyCapPct', number: true },
];

/** Converting closes the requests and notifies nobody yet: still asked, since it cannot be undone here. */
async function confirmConvert(plan: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '转为班次',
    content: `${plan}。转换后这些包车需求标记为已安排，班次保存为草稿，发布后务工人员才能看到。确定转换？`,
    confirmText: '转换',
    cancelText: '再想想',
  });
  return confirm;
}

/**
 * The coach for the chosen requests, prefilled from them: the departure from the earliest
 * arrival day, a coach size that carries everyone at the default cap. Creates draft trips.
 */
export function ConvertForm({
  requests,
  onConverted,
}: {
  requests: CharterRequest[];
  onConverted: (tripIds: string[]) => void;
}) {
  const workers = requests.reduce((n, r) => n + r.totalWorkers, 0);
  const earliest = requests.map((r) => r.earliestArrival).sort()[0];
  const [v, setV] = useState<Record<Key, string>>({
    departureAt: suggestDeparture(earliest, chinaToday()),
    plate: '',
    seats: String(suggestSeats(workers, DEFAULT_OCCUPANCY_CAP_PCT)),
    driver: '',
    cap: String(DEFAULT_OCCUPANCY_CAP_PCT),
  });
  const { errors, setErrors, sending, submit } = useFormSubmit();
  const plan = planText(workers, v.seats, v.cap);
  const errorOf = (key: string) => errors[key];

  const convert = () => {
    // The form's errors are keyed by top-level field, and plate and seats are both `vehicle`:
    // checked here by the contract's own rules so each message lands under its own box.
    const vehicle = convertChartersSchema.shape.vehicle.shape;
    const plate = vehicle.plate.safeParse(v.plate.trim().toUpperCase()).error?.issues[0]?.message;
    const seats = vehicle.seats.safeParse(Number(v.seats)).error?.issues[0]?.message;
    if (plate || seats) {
      setErrors({ plate, seats: seats ? '座位数应为 5–120 的整数' : undefined });
      return Promise.resolve();
    }
    return submit(
      convertChartersSchema,
      {
        requestIds: requests.map((r) => r.id),
        departureAt: fromChinaDateTime(v.departureAt),
        vehicle: { plate: v.plate.trim().toUpperCase(), seats: Number(v.seats) },
        driver: { name: v.driver },
        occupancyCapPct: Number(v.cap),
      },
      async (data, idempotencyKey) =>
        (await confirmConvert(plan))
          ? workerApi.convertCharters(data, { idempotencyKey, silent: true })
          : null,
      (result) => {
        if (result) onConverted(result.tripIds);
      },
    );
  };

  return (
    <View className="w-card">
      <Text className="w-card__title">安排车辆</Text>
      {FIELDS.map((f) => (
        <View key={f.key}>
          <Text className="w-label">{f.label}</Text>
          <Input
            placeholder={f.placeholder}
            type={f.number ? 'number' : 'text'}
            value={v[f.key]}
            onChange={(text) => setV((old) => ({ ...old, [f.key]: text }))}
          />
          {errorOf(f.error) ? <Text className="w-error">{errorOf(f.error)}</Text> : null}
        </View>
      ))}
      <Text className="w-line charter-convert__plan">{plan}</Text>
      {errors.requestIds ? <Text className="w-error">{errors.requestIds}</Text> : null}
      {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
      <View className="w-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={() => void convert()}>
          转为草稿班次
        </Button>
      </View>
    </View>
  );
}
