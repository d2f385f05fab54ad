import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  SHARING_KIND_LABELS,
  SHARING_KINDS,
  sharingPostInputSchema,
  type SharingKind,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DayRange } from '../../../components/day-range';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { CountyField } from '../../../components/county-field';
import { formOnlyError } from '../../../forms/field-errors';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { chinaToday } from '../../../services/format';
import { labourApi } from '../../../services/labour';
import { sharingApi } from '../../../services/sharing';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

interface Draft {
  enterpriseId: string;
  kind: SharingKind | null;
  headcount: string;
  fromDay: string;
  toDay: string;
  industry: string;
  regionCode: string;
  note: string;
}
const EMPTY: Draft = {
  enterpriseId: '',
  kind: null,
  headcount: '',
  fromDay: '',
  toDay: '',
  industry: '',
  regionCode: '',
  note: '',
};

/**
 * 发布用工调剂: a firm not yet reopened (or short of orders) offers idle staff for a period, or a
 * firm short of hands asks for some. An agency serving several firms says which one.
 */
export default function SharingFormPage() {
  const firms = useLoad(() => labourApi.firms());
  const [d, setD] = useState<Draft>(EMPTY);
  const { errors, setErrors, sending, submit } = useFormSubmit();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const served = firms.data?.items ?? [];
  const today = chinaToday();

  const save = () => {
    if (served.length > 1 && !d.enterpriseId) return setErrors({ enterpriseId: '请选择为哪家企业发布' });
    return submit(
      sharingPostInputSchema,
      {
        enterpriseId: d.enterpriseId || undefined,
        kind: d.kind ?? undefined,
        // An empty box is "not filled in", not the number 0.
        headcount: d.headcount.trim() === '' ? undefined : Number(d.headcount),
        fromDay: d.fromDay,
        toDay: d.toDay,
        industry: d.industry,
        regionCode: d.regionCode,
        note: d.note,
      },
      (data, idempotencyKey) => sharingApi.post(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已发布', icon: 'success' });
        void Taro.navigateBack();
      },
    );
  };

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);
  return (
    <View className="w-page sharing-form">
      <OfflineBanner onRetry={firms.reload} />
      <PageState status={firms.status} onRetry={firms.reload}>
        <View className="w-card">
          {served.length > 1 ? (
            <>
              <Text className="w-label">为哪家企业发布</Text>
              <Chips
                options={served.map((f) => ({ value: f.id, label: f.name }))}
                value={d.enterpriseId}
                onChange={(id) => set('enterpriseId', id)}
              />
              {error('enterpriseId')}
            </>
          ) : null}
          <Text className="w-label">发布类型</Text>
          <Chips
            options={SHARING_KINDS.map((k) => ({ value: k, label: SHARING_KIND_LABELS[k] }))}
            value={d.kind}
            onChange={(k) => set('kind', k)}
          />
          {error('kind')}
          <Text className="w-label">{d.kind === 'shortage' ? '缺多少人' : '可借出多少人'}</Text>
          <Input placeholder="人数" type="number" value={d.headcount} onChange={(v) => set('headcount', v)} />
          {error('headcount')}
          <Text className="w-label">行业（工种）</Text>
          <Input placeholder="如 制造业、电子装配" value={d.industry} onChange={(v) => set('industry', v)} />
          {error('industry')}
          <CountyField
            label="所在县（区）"
            value={d.regionCode}
            onChange={(code) => set('regionCode', code)}
            error={errors.regionCode}
          />
          <DayRange
            from={d.fromDay}
            to={d.toDay}
            onFrom={(day) => set('fromDay', day)}
            onTo={(day) => set('toDay', day)}
            start={today}
            errors={{ from: errors.fromDay, to: errors.toDay }}
          />
          <Text className="w-label">说明（可不填）</Text>
          <Input placeholder="如 熟练装配工，可上夜班" value={d.note} onChange={(v) => set('note', v)} />
          {error('note')}
          {formOnlyError(errors) ? <Text className="w-error">{formOnlyError(errors)}</Text> : null}
        </View>
        <View className="w-actions">
          <Button type="primary" block loading={sending} disabled={sending} onClick={() => void save()}>
            发布
          </Button>
        </View>
      </PageState>
    </View>
  );
}
