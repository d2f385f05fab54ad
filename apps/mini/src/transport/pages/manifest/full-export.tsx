import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';

const MIN_REASON = 4;

/** Says what a full export means before it happens: every passenger's read is on record. */
async function confirmFull(reason: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '导出完整名单',
    content: `完整手机号和身份证号仅用于流调溯源。每位乘客的读取都会连同事由“${reason}”记入审计。确定导出？`,
    confirmText: '导出',
    cancelText: '再想想',
  });
  return confirm;
}

/**
 * The full passenger list (phone and ID number in full), behind a reason and a confirmation.
 * Only the officer who set the trip up and the command get it; the server says so to anyone else.
 */
export function FullExport({ busy, onExport }: { busy: boolean; onExport: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  if (!open)
    return (
      <View className="manifest__full-open">
        <Button size="small" fill="outline" onClick={() => setOpen(true)}>
          流调需要完整手机号、身份证号？
        </Button>
      </View>
    );
  const go = async () => {
    const r = reason.trim();
    if (r.length < MIN_REASON) {
      setError(`请填写导出事由（至少 ${MIN_REASON} 个字）`);
      return;
    }
    setError('');
    if (await confirmFull(r)) onExport(r);
  };
  return (
    <View className="manifest__full">
      <Text className="w-label">导出事由</Text>
      <TextArea
        placeholder="如 流调溯源：某某病例密接排查"
        value={reason}
        maxLength={200}
        onChange={(text) => setReason(text)}
      />
      {error ? <Text className="w-error">{error}</Text> : null}
      <Text className="w-muted">仅本班次的交通专班负责人或指挥部可导出，读取记入审计。</Text>
      <Button size="small" type="primary" disabled={busy} onClick={() => void go()}>
        导出完整名单（CSV）
      </Button>
    </View>
  );
}
