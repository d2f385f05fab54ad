import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { objectionInputSchema } from '@fugong/contracts';
import { useFormSubmit } from '../../forms/use-form-submit';
import { subsidies } from '../../services/subsidies';

/** 异议: one text, sent once (retries keep the same key); the page reloads to show it pending. */
export function ObjectionForm({ entitlementId, onSent }: { entitlementId: string; onSent: () => void }) {
  const [text, setText] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  const send = () =>
    submit(
      objectionInputSchema,
      { text },
      (data, idempotencyKey) => subsidies.object(entitlementId, data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '异议已提交', icon: 'success' });
        onSent();
      },
    );
  return (
    <View className="subsidy__objection">
      <Input placeholder="对公示结果有异议？请写明理由" value={text} onChange={setText} maxLength={500} />
      {errors.text ? <Text className="field-error">{errors.text}</Text> : null}
      {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      <Button loading={sending} disabled={sending} onClick={send}>
        提出异议
      </Button>
    </View>
  );
}
