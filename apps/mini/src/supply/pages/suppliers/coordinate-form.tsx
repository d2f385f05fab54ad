import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { coordinateInputSchema, type Supplier } from '@fugong/contracts';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { supplyApi } from '../../../services/supply';
import '../../../styles/worker.css';

/**
 * 请求协调: asks 工信局 to reach a supplier that has not reopened (often in another region); the
 * server turns it into a dispatched issue, once per supplier.
 */
export function CoordinateForm({ supplier, onSent }: { supplier: Supplier; onSent: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  if (!open)
    return (
      <Button block onClick={() => setOpen(true)}>
        请求协调
      </Button>
    );
  const send = () =>
    submit(
      coordinateInputSchema,
      { note },
      (data, idempotencyKey) =>
        supplyApi.coordinate(supplier.id, data.note, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已提交工信局协调', icon: 'success' });
        setOpen(false);
        onSent();
      },
    );
  return (
    <View className="coordinate-form">
      <Text className="w-label">需要协调的事项</Text>
      <Input placeholder="如 模具厂停工，影响我司 3 月交付，请协调当地复工" value={note} onChange={setNote} />
      {errors.note ? <Text className="w-error">{errors.note}</Text> : null}
      {errors.form && !errors.note ? <Text className="w-error">{errors.form}</Text> : null}
      <Button type="primary" block loading={sending} disabled={sending} onClick={() => void send()}>
        提交协调请求
      </Button>
    </View>
  );
}
