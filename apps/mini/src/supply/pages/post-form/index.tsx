import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  POST_SIDE_LABELS,
  POST_SIDES,
  SUPPLY_CATEGORIES,
  SUPPLY_CATEGORY_LABELS,
  supplyPostInputSchema,
  type PostSide,
  type SupplyCategory,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DateField } from '../../../components/date-field';
import { OfflineBanner } from '../../../components/offline-banner';
import { PointField } from '../../../components/point-field';
import { CountyField } from '../../../components/county-field';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { chinaToday } from '../../../services/format';
import { supplyApi } from '../../../services/supply';
import '../../../styles/worker.css';

interface Draft {
  side: PostSide | null;
  category: SupplyCategory | null;
  title: string;
  quantity: string;
  unit: string;
  regionCode: string;
  point: { lat: number; lng: number } | null;
  availableFrom: string;
  availableUntil: string;
  contactName: string;
  contactPhone: string;
}
const EMPTY: Draft = {
  side: null,
  category: null,
  title: '',
  quantity: '',
  unit: '',
  regionCode: '',
  point: null,
  availableFrom: '',
  availableUntil: '',
  contactName: '',
  contactPhone: '',
};

/** An empty box is "not filled in" (the schema says 请填写数量), not the number 0. */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/**
 * 发布供需: what the firm offers or needs, where and from when until when. The place is the
 * phone's own position (WGS-84, as the matching measures distance), so nobody types coordinates.
 */
export default function SupplyPostFormPage() {
  const [d, setD] = useState<Draft>(EMPTY);
  const { errors, sending, submit } = useFormSubmit();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const today = chinaToday();

  const save = () =>
    submit(
      supplyPostInputSchema,
      {
        side: d.side ?? undefined,
        category: d.category ?? undefined,
        title: d.title,
        quantity: numberOrUndefined(d.quantity),
        unit: d.unit,
        regionCode: d.regionCode,
        point: d.point ?? undefined,
        availableFrom: d.availableFrom,
        availableUntil: d.availableUntil,
        contact: { name: d.contactName, phone: d.contactPhone },
      },
      (data, idempotencyKey) => supplyApi.createPost(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已发布', icon: 'success' });
        void Taro.navigateBack();
      },
    );

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);
  const text = (k: 'title' | 'unit' | 'contactName', label: string, ph: string) => (
    <View>
      <Text className="w-label">{label}</Text>
      <Input placeholder={ph} value={d[k]} onChange={(v) => set(k, v)} />
    </View>
  );

  return (
    <View className="w-page supply-post-form">
      <OfflineBanner />
      <View className="w-card">
        <Text className="w-label">发布类型</Text>
        <Chips
          options={POST_SIDES.map((s) => ({ value: s, label: POST_SIDE_LABELS[s] }))}
          value={d.side}
          onChange={(s) => set('side', s)}
        />
        {error('side')}
        <Text className="w-label">类别</Text>
        <Chips
          options={SUPPLY_CATEGORIES.map((c) => ({ value: c, label: SUPPLY_CATEGORY_LABELS[c] }))}
          value={d.category}
          onChange={(c) => set('category', c)}
        />
        {error('category')}
        {text('title', '名称', '如 聚丙烯颗粒、注塑模具')}
        {error('title')}
        <Text className="w-label">数量</Text>
        <Input placeholder="数量" type="digit" value={d.quantity} onChange={(v) => set('quantity', v)} />
        {error('quantity')}
        {text('unit', '单位', '如 吨、件、台、车次')}
        {error('unit')}
        <CountyField
          label="所在县（区）"
          value={d.regionCode}
          onChange={(code) => set('regionCode', code)}
          error={errors.regionCode}
        />
        <PointField
          value={d.point}
          onChange={(point) => set('point', point)}
          what="所在地点"
          why="用于按距离匹配"
          failNote="未能获取位置，请在货物或产能所在地打开本页后重试"
        />
        {errors.point ? <Text className="w-error">{d.point ? errors.point : '请定位所在地点'}</Text> : null}
        <Text className="w-label">开始日期</Text>
        <DateField
          label="请选择开始日期"
          placeholder="请选择开始日期"
          start={today}
          value={d.availableFrom}
          onChange={(day) => set('availableFrom', day)}
        />
        {error('availableFrom')}
        <Text className="w-label">截止日期</Text>
        <DateField
          label="请选择截止日期"
          placeholder="请选择截止日期"
          start={d.availableFrom || today}
          value={d.availableUntil}
          onChange={(day) => set('availableUntil', day)}
        />
        {error('availableUntil')}
        <Text className="w-muted">联系人只在双方确认对接后才告诉对方</Text>
        {text('contactName', '联系人', '姓名')}
        <Text className="w-label">联系电话</Text>
        <Input
          placeholder="手机号"
          type="number"
          value={d.contactPhone}
          onChange={(v) => set('contactPhone', v)}
        />
        {error('contact')}
        {/* A refusal of one field is already shown beside it; the form line is for the rest. */}
        {errors.form && !Object.entries(errors).some(([k, m]) => k !== 'form' && m === errors.form)
          ? error('form')
          : null}
      </View>
      <View className="w-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={() => void save()}>
          发布
        </Button>
      </View>
    </View>
  );
}
