import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { tripInputSchema } from '@fugong/contracts';
import { DEFAULT_OCCUPANCY_CAP_PCT } from '@fugong/domain';
import { RegionPicker } from '../../../components/region-picker';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { workerApi } from '../../../services/worker-api';
import { fromChinaDateTime } from '../../../services/format';
import { capacityText } from './capacity';
import { DestinationPicker, type Destination } from './destinations';
import '../../../styles/worker.css';
import './index.css';

type Key =
  'originName' | 'originRegionCode' | 'pickupPoints' | 'departureAt' | 'plate' | 'seats' | 'driver' | 'cap';

/** The text boxes in screen order; `error` names the contract field whose message shows under it. */
/** `region`: the cascader instead of a typed code; `number`: the numeric keypad. */
const FIELDS: { key: Key; label: string; placeholder: string; error?: string; kind?: 'region' | 'number' }[] =
  [
    { key: 'originName', label: '出发地', placeholder: '如 贵阳市南明区' },
    {
      key: 'originRegionCode',
      label: '出发地所在县（区）',
      placeholder: '请选择省、市、县（区）',
      kind: 'region',
    },
    { key: 'pickupPoints', label: '上车点', placeholder: '多个上车点用顿号“、”分隔' },
    { key: 'departureAt', label: '发车时间', placeholder: '如 2026-03-06 07:00' },
    { key: 'plate', label: '车牌号', placeholder: '如 贵A12345' },
    { key: 'seats', label: '座位数', placeholder: '核定座位数', error: 'vehicle', kind: 'number' },
    { key: 'driver', label: '司机', placeholder: '司机姓名' },
    {
      key: 'cap',
      label: '客座率上限（%）',
      placeholder: '默认 50',
      error: 'occupancyCapPct',
      kind: 'number',
    },
  ];

const splitList = (text: string) =>
  text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * 新建班次 (transport officer): where from and where to, when, which coach and driver, and the
 * occupancy cap with the capacity it leaves. Saved as a draft; published from 班次管理.
 */
export default function TripFormPage() {
  const user = useSignedInUser();
  const [v, setV] = useState<Record<Key, string>>({
    originName: '',
    originRegionCode: '',
    pickupPoints: '',
    departureAt: '',
    plate: '',
    seats: '',
    driver: '',
    cap: String(DEFAULT_OCCUPANCY_CAP_PCT),
  });
  const [destinations, setDestinations] = useState<Destination[]>([]);
  const { errors, sending, submit: submitForm } = useFormSubmit();
  if (!user) return <PageState status="loading" />;

  const submit = () =>
    submitForm(
      tripInputSchema,
      {
        originName: v.originName,
        originRegionCode: v.originRegionCode.trim(),
        pickupPoints: splitList(v.pickupPoints).map((name) => ({ name })),
        destinations: destinations.map((d) => ({ enterpriseId: d.enterpriseId, dropPoint: d.dropPoint })),
        departureAt: fromChinaDateTime(v.departureAt),
        vehicle: { plate: v.plate.trim().toUpperCase(), seats: Number(v.seats) },
        driver: { name: v.driver },
        occupancyCapPct: Number(v.cap),
      },
      (data, idempotencyKey) => workerApi.createTrip(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已保存为草稿', icon: 'success' });
        void Taro.navigateBack();
      },
    );

  return (
    <View className="w-page trip-form">
      <OfflineBanner />
      <View className="w-card">
        {FIELDS.map((f) => (
          <View key={f.key}>
            <Text className="w-label">{f.label}</Text>
            {f.kind === 'region' ? (
              <RegionPicker
                label={f.label}
                placeholder={f.placeholder}
                value={v[f.key]}
                onChange={(code, path) =>
                  // The origin's name follows the choice unless the officer wrote one.
                  setV((old) => ({
                    ...old,
                    [f.key]: code,
                    originName: old.originName || path.slice(1).join(''),
                  }))
                }
              />
            ) : (
              <Input
                placeholder={f.placeholder}
                type={f.kind === 'number' ? 'number' : 'text'}
                value={v[f.key]}
                onChange={(text) => setV((old) => ({ ...old, [f.key]: text }))}
              />
            )}
            {errors[f.error ?? f.key] ? <Text className="w-error">{errors[f.error ?? f.key]}</Text> : null}
          </View>
        ))}
        <Text className="w-line trip-form__capacity">{capacityText(v.seats, v.cap)}</Text>
        <Text className="w-label">目的企业与下车点</Text>
        <DestinationPicker value={destinations} onChange={setDestinations} />
        {errors.destinations ? <Text className="w-error">{errors.destinations}</Text> : null}
        {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
      </View>
      <View className="w-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          保存草稿
        </Button>
      </View>
    </View>
  );
}
