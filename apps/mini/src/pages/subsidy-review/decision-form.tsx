import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { objectionDecisionSchema } from '@fugong/contracts';
import { useFormSubmit } from '../../forms/use-form-submit';
import { subsidies } from '../../services/subsidies';

type Decision = 'upheld' | 'rejected';
const WORDS: Record<Decision, string> = { upheld: '异议成立', rejected: '异议不成立' };

/**
 * Decides a pending 异议 with a written opinion the firm will read. Upheld here takes the line out
 * of the list; a corrected amount is the desk's job (the API takes one).
 */
export function DecisionForm(props: { listId: string; entitlementId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  const params = { id: props.listId, entitlementId: props.entitlementId };
  const decide = (decision: Decision) =>
    submit(
      objectionDecisionSchema,
      { decision, note },
      (data, idempotencyKey) => subsidies.decide(params, data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: `已处理：${WORDS[decision]}`, icon: 'success' });
        props.onDone();
      },
    );
  return (
    <View className="subsidy-review__decision">
      <Input placeholder="处理意见（企业可见）" value={note} onChange={setNote} maxLength={300} />
      {errors.note ? <Text className="field-error">{errors.note}</Text> : null}
      {errors.form && !errors.note ? <Text className="field-error">{errors.form}</Text> : null}
      <View className="subsidy-review__buttons">
        <Button size="small" disabled={sending} onClick={() => decide('rejected')}>
          异议不成立
        </Button>
        <Button size="small" type="primary" disabled={sending} onClick={() => decide('upheld')}>
          异议成立
        </Button>
      </View>
    </View>
  );
}
