import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { reopeningReportInputSchema } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { api } from '../../../services/issue-api';
import { Chips } from '../../../components/chips';
import '../../../styles/issue.css';

const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** 复工进度直报: reopened or not (and since when), staff on site of total, capacity. Resending corrects today's. */
export default function ReportPage() {
  const user = useSignedInUser();
  const [reopened, setReopened] = useState<'yes' | 'no'>('yes');
  const [since, setSince] = useState('');
  const [onSite, setOnSite] = useState('');
  const [total, setTotal] = useState('');
  const [capacity, setCapacity] = useState('');
  const { errors, sending, submit: submitForm } = useFormSubmit();

  if (!user) return <PageState status="loading" />;
  if (!user.enterpriseId)
    return <PageState status="empty" title="尚未绑定企业" description="请先在企业首页输入邀请码" />;
  const enterpriseId = user.enterpriseId;

  const submit = async () => {
    const candidate = {
      reopened: reopened === 'yes',
      reopenedSince: reopened === 'yes' ? since.trim() || null : null,
      staffOnSite: toNumber(onSite),
      staffTotal: toNumber(total),
      capacityPercent: toNumber(capacity),
    };
    await submitForm(
      reopeningReportInputSchema,
      candidate,
      (data, idempotencyKey) => api.reportToday(enterpriseId, data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已提交今日进度', icon: 'success' });
        void Taro.navigateBack();
      },
    );
  };

  return (
    <View className="report">
      <OfflineBanner />
      <View className="card">
        <Text className="field-label">是否已复工</Text>
        <Chips
          options={[
            { value: 'yes', label: '已复工' },
            { value: 'no', label: '未复工' },
          ]}
          value={reopened}
          onChange={setReopened}
        />
        {reopened === 'yes' ? (
          <View>
            <Text className="field-label">复工日期（如 2026-02-20）</Text>
            <Input placeholder="复工日期" value={since} onChange={setSince} />
            {errors.reopenedSince ? <Text className="field-error">{errors.reopenedSince}</Text> : null}
          </View>
        ) : null}
        <Text className="field-label">在岗人数</Text>
        <Input placeholder="在岗人数" value={onSite} onChange={setOnSite} />
        {errors.staffOnSite ? <Text className="field-error">{errors.staffOnSite}</Text> : null}
        <Text className="field-label">职工总数</Text>
        <Input placeholder="职工总数" value={total} onChange={setTotal} />
        {errors.staffTotal ? <Text className="field-error">{errors.staffTotal}</Text> : null}
        <Text className="field-label">产能恢复（%）</Text>
        <Input placeholder="产能百分比" value={capacity} onChange={setCapacity} />
        {errors.capacityPercent ? <Text className="field-error">{errors.capacityPercent}</Text> : null}
        {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      </View>
      <View className="actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          提交
        </Button>
      </View>
    </View>
  );
}
