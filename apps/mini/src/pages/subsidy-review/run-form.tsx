import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { SUBSIDY_POLICY_LABELS, subsidyRunSchema, type SubsidyPolicyCode } from '@fugong/contracts';
import { Chips } from '../../components/chips';
import { useFormSubmit } from '../../forms/use-form-submit';
import { subsidies } from '../../services/subsidies';

/**
 * 计算名单: the lead department picks a policy and a period and runs it on the facts held. A run
 * on unchanged facts answers the open list, so the toast says whether anything new came of it.
 */
export function RunForm({ policies, onRan }: { policies: SubsidyPolicyCode[]; onRan: () => void }) {
  const [policy, setPolicy] = useState<SubsidyPolicyCode | null>(policies[0] ?? null);
  const [period, setPeriod] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  const run = () =>
    submit(
      subsidyRunSchema,
      { policy: policy ?? undefined, period: period.trim() },
      (data, idempotencyKey) => subsidies.run(data, { idempotencyKey, silent: true }),
      (result) => {
        const title = result.created ? '已生成新名单' : '数据未变化，名单不变';
        void Taro.showToast({ title, icon: result.created ? 'success' : 'none' });
        onRan();
      },
    );
  return (
    <View className="card">
      <Text className="card__title">计算享受名单</Text>
      <Chips
        options={policies.map((p) => ({ value: p, label: SUBSIDY_POLICY_LABELS[p] }))}
        value={policy}
        onChange={setPolicy}
      />
      {errors.policy ? <Text className="field-error">{errors.policy}</Text> : null}
      <Text className="field-label">期次（年份）</Text>
      <Input placeholder="如 2020" value={period} onChange={setPeriod} maxLength={4} type="number" />
      {errors.period ? <Text className="field-error">{errors.period}</Text> : null}
      {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      <Button type="primary" loading={sending} disabled={sending} onClick={run}>
        计算名单
      </Button>
    </View>
  );
}
