import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { charterRequestInputSchema } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { api } from '../../../services/issue-api';
import { JoinableCharters } from './joinable';
import { RegionPicker } from '../../../components/region-picker';
import { DateField } from '../../../components/date-field';
import { chinaToday } from '../../../services/format';
import '../../../styles/issue.css';

const FIELDS: {
  key: 'workers' | 'originRegionCode' | 'originName' | 'pickupPoint' | 'earliestArrival' | 'latestArrival';
  label: string;
  placeholder: string;
  /** `region`: the cascader; `date`: the date wheel; `number`: the numeric keypad. */
  kind?: 'region' | 'date' | 'number';
}[] = [
  { key: 'workers', label: '乘车人数', placeholder: '人数', kind: 'number' },
  { key: 'originName', label: '出发地', placeholder: '如 贵阳市南明区' },
  {
    key: 'originRegionCode',
    label: '出发地所在县（区）',
    placeholder: '请选择省、市、县（区）',
    kind: 'region',
  },
  { key: 'pickupPoint', label: '上车点', placeholder: '如 贵阳火车站东广场' },
  { key: 'earliestArrival', label: '最早到厂日期', placeholder: '请选择最早到厂日期', kind: 'date' },
  { key: 'latestArrival', label: '最晚到厂日期', placeholder: '请选择最晚到厂日期', kind: 'date' },
];

/** 包车需求: how many workers from where, and when they should arrive (家门到车门、车门到厂门). */
export default function CharterFormPage() {
  const { params } = useRouter();
  const user = useSignedInUser();
  // From the home tile there is no parameter: a liaison requests for their own firm.
  const enterpriseId = params.enterpriseId || user?.enterpriseId || '';
  const [values, setValues] = useState<Record<string, string>>({});
  const { errors, sending, submit: submitForm } = useFormSubmit();
  if (!enterpriseId)
    return <PageState status="error" title="缺少企业信息" description="请先在企业首页绑定企业" />;

  const submit = async () => {
    const candidate = { ...values, workers: Number(values.workers ?? ''), namedStaff: [], note: '' };
    await submitForm(
      charterRequestInputSchema,
      candidate,
      (data, idempotencyKey) =>
        api.createCharter({ ...data, enterpriseId }, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已提交包车需求', icon: 'success' });
        void Taro.navigateBack();
      },
    );
  };

  return (
    <View className="charter-form">
      <OfflineBanner />
      <View className="card">
        {FIELDS.map((f) => (
          <View key={f.key}>
            <Text className="field-label">{f.label}</Text>
            {f.kind === 'region' ? (
              <RegionPicker
                label={f.label}
                placeholder={f.placeholder}
                value={values[f.key] ?? ''}
                onChange={(code, path) =>
                  setValues((old) => ({
                    ...old,
                    [f.key]: code,
                    originName: old.originName || path.slice(1).join(''),
                  }))
                }
              />
            ) : f.kind === 'date' ? (
              <DateField
                label={f.label}
                placeholder={f.placeholder}
                value={values[f.key] ?? ''}
                start={chinaToday()}
                onChange={(day) => setValues((old) => ({ ...old, [f.key]: day }))}
              />
            ) : (
              <Input
                placeholder={f.placeholder}
                type={f.kind === 'number' ? 'number' : 'text'}
                value={values[f.key] ?? ''}
                onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
              />
            )}
            {errors[f.key] ? <Text className="field-error">{errors[f.key]}</Text> : null}
          </View>
        ))}
        {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      </View>
      <View className="actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          提交包车需求
        </Button>
      </View>
      <JoinableCharters enterpriseId={enterpriseId} />
    </View>
  );
}
