import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { reasonInputSchema } from '@fugong/contracts';
import { useFormSubmit } from '../../forms/use-form-submit';
import { subsidies } from '../../services/subsidies';

/** 剔除 one firm from a draft list: the reason is required, kept on the line and audited. */
export function ExcludeForm(props: { listId: string; entitlementId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  const params = { id: props.listId, entitlementId: props.entitlementId };
  const send = () =>
    submit(
      reasonInputSchema,
      { reason },
      (data, idempotencyKey) => subsidies.exclude(params, data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已剔除', icon: 'success' });
        props.onDone();
      },
    );
  return (
    <View className="subsidy-review__exclude">
      <Input placeholder="剔除理由" value={reason} onChange={setReason} maxLength={200} />
      {errors.reason ? <Text className="field-error">{errors.reason}</Text> : null}
      {errors.form && !errors.reason ? <Text className="field-error">{errors.form}</Text> : null}
      <Button size="small" loading={sending} disabled={sending} onClick={send}>
        确认剔除
      </Button>
    </View>
  );
}
