import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  CARGO_CATEGORIES,
  CARGO_LABELS,
  FREIGHT_COMMITMENT,
  VEHICLE_LABELS,
  VEHICLE_TYPES,
  freightApplySchema,
  type CargoCategory,
  type VehicleType,
} from '@fugong/contracts';
import { addDays, chinaDay, chinaDayStart, GREEN_CHANNEL_CARGO } from '@fugong/domain';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { useFormSubmit } from '../../forms/use-form-submit';
import { openPage } from '../../navigation';
import { FREIGHT_PAGES, freightApi } from '../../services/freight';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { Chips } from '../../components/chips';
import { PlateInput } from './plate-input';
import '../../styles/worker.css';
import './index.css';

const DAY_MS = 86_400_000;
const DURATIONS = ['1', '3', '7', '15', '30'] as const;
type Start = 'now' | 'tomorrow';
type TextKey =
  | 'driverName'
  | 'driverPhone'
  | 'driverId'
  | 'cargoNote'
  | 'originCode'
  | 'originText'
  | 'destCode'
  | 'destText';

const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'driverName', label: '驾驶员姓名', placeholder: '与驾驶证一致' },
  { key: 'driverPhone', label: '驾驶员手机号', placeholder: '驾驶员凭此手机号登录出示通行证' },
  { key: 'driverId', label: '驾驶员身份证号', placeholder: '18 位' },
  { key: 'originText', label: '起点', placeholder: '如 余姚市阳明街道光电路 8 号' },
  { key: 'originCode', label: '起点区划代码', placeholder: '6 位，如 330281' },
  { key: 'destText', label: '终点', placeholder: '如 上海市浦东新区外高桥' },
  { key: 'destCode', label: '终点区划代码', placeholder: '6 位，如 310115' },
  { key: 'cargoNote', label: '货物说明（选填）', placeholder: '如 医用口罩 20 万只' },
];

/** The instant a chosen start means: now, or 00:00 China time tomorrow. */
function startInstant(start: Start, now: Date): Date {
  return start === 'now' ? now : chinaDayStart(addDays(chinaDay(now), 1));
}

/**
 * 通行证网上办理: the liaison fills in vehicle, driver, cargo, route and validity, ticks the 告知承诺书,
 * and submits. Green-channel cargo is approved on the spot; the rest goes to 交通专班 for review.
 */
export default function FreightApplyPage() {
  const user = useSignedInUser();
  const [province, setProvince] = useState('浙');
  const [plateRest, setPlateRest] = useState('');
  const [vehicleType, setVehicleType] = useState<VehicleType | null>(null);
  const [cargo, setCargo] = useState<CargoCategory | null>(null);
  const [text, setText] = useState<Partial<Record<TextKey, string>>>({ originCode: '330281' });
  const [start, setStart] = useState<Start>('now');
  const [days, setDays] = useState<(typeof DURATIONS)[number]>('7');
  const [committed, setCommitted] = useState(false);
  const { errors, sending, submit: submitForm } = useFormSubmit();
  if (!user) return <PageState status="loading" />;
  if (!user.enterpriseId)
    return <PageState status="error" title="缺少企业信息" description="请先在企业首页绑定企业" />;

  const submit = async () => {
    const from = startInstant(start, new Date());
    const candidate = {
      plate: `${province}${plateRest}`,
      vehicleType,
      driver: { name: text.driverName ?? '', phone: text.driverPhone ?? '', idNumber: text.driverId ?? '' },
      cargo,
      cargoNote: text.cargoNote ?? '',
      route: {
        originRegionCode: text.originCode ?? '',
        originText: text.originText ?? '',
        destinationRegionCode: text.destCode ?? '',
        destinationText: text.destText ?? '',
      },
      validFrom: from.toISOString(),
      validUntil: new Date(from.getTime() + Number(days) * DAY_MS).toISOString(),
      commitment: { accepted: committed, version: FREIGHT_COMMITMENT.version },
    };
    await submitForm(
      freightApplySchema,
      candidate,
      (data, idempotencyKey) => freightApi.apply(data, { idempotencyKey, silent: true }),
      (pass) => {
        void Taro.showToast({
          title: pass.status === 'approved' ? '已通过（告知承诺）' : '已提交，等待审核',
          icon: 'success',
        });
        openPage(FREIGHT_PAGES.passes);
      },
    );
  };

  const fieldError = (key: TextKey) => {
    if (key.startsWith('driver')) return errors.driver;
    if (key === 'cargoNote') return errors.cargoNote;
    return key.startsWith('origin') || key.startsWith('dest') ? errors.route : undefined;
  };

  return (
    <View className="w-page freight-apply">
      <OfflineBanner />
      <View className="w-card">
        <PlateInput
          province={province}
          rest={plateRest}
          onProvince={setProvince}
          onRest={setPlateRest}
          error={errors.plate}
        />
        <Text className="w-label">车辆类型</Text>
        <Chips
          options={VEHICLE_TYPES.map((v) => ({ value: v, label: VEHICLE_LABELS[v] }))}
          value={vehicleType}
          onChange={setVehicleType}
        />
        {errors.vehicleType ? <Text className="w-error">{errors.vehicleType}</Text> : null}
        <Text className="w-label">货物类别</Text>
        <Chips
          options={CARGO_CATEGORIES.map((c) => ({ value: c, label: CARGO_LABELS[c] }))}
          value={cargo}
          onChange={setCargo}
        />
        <Text className="w-muted">
          防疫物资、生活必需品、重点生产物资走绿色通道，告知承诺即办；小微企业的原辅材料、零部件、产成品同样即办，其余由交通专班一个工作日内审核。
        </Text>
        {cargo && GREEN_CHANNEL_CARGO.includes(cargo) ? <Text className="w-badge">绿色通道</Text> : null}
        {errors.cargo ? <Text className="w-error">{errors.cargo}</Text> : null}
        {TEXT_FIELDS.map((f) => (
          <View key={f.key}>
            <Text className="w-label">{f.label}</Text>
            <Input
              name={f.key}
              placeholder={f.placeholder}
              value={text[f.key] ?? ''}
              onChange={(v) => setText((old) => ({ ...old, [f.key]: v }))}
            />
            {f.key === 'driverId' || f.key === 'destCode' || f.key === 'cargoNote' ? (
              fieldError(f.key) ? (
                <Text className="w-error">{fieldError(f.key)}</Text>
              ) : null
            ) : null}
          </View>
        ))}
        <Text className="w-label">生效时间</Text>
        <Chips
          options={[
            { value: 'now', label: '立即生效' },
            { value: 'tomorrow', label: '明天 0 点' },
          ]}
          value={start}
          onChange={(v) => setStart(v as Start)}
        />
        <Text className="w-label">有效天数（最长 30 天）</Text>
        <Chips
          options={DURATIONS.map((d) => ({ value: d, label: `${d} 天` }))}
          value={days}
          onChange={setDays}
        />
        {errors.validFrom || errors.validUntil ? (
          <Text className="w-error">{errors.validFrom ?? errors.validUntil}</Text>
        ) : null}
      </View>
      <View className="w-card">
        <Text className="w-card__title">告知承诺书</Text>
        <View
          className="fa-commit"
          role="checkbox"
          aria-checked={committed}
          onClick={() => setCommitted((c) => !c)}
        >
          <Text className={`fa-commit__box${committed ? ' fa-commit__box--on' : ''}`}>
            {committed ? '✓' : ''}
          </Text>
          <Text className="fa-commit__text">{FREIGHT_COMMITMENT.text}</Text>
        </View>
        {errors.commitment ? <Text className="w-error">{errors.commitment}</Text> : null}
        {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
      </View>
      <View className="w-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          签署承诺并提交
        </Button>
      </View>
    </View>
  );
}
