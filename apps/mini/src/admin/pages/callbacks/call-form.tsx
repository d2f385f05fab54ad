import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import {
  CALLBACK_FLAG_LABELS,
  CALLBACK_FLAGS,
  CALLBACK_SCRIPT,
  callbackInputSchema,
  type CallbackFlag,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { consoleApi } from '../../../services/console-api';

const REACHED = [
  { value: 'yes', label: '已接通' },
  { value: 'no', label: '未接通' },
] as const;
const RATINGS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} 分` }));
const FLAG_OPTIONS = CALLBACK_FLAGS.map((f) => ({ value: f, label: CALLBACK_FLAG_LABELS[f] }));

/**
 * One call-back to one firm: the script to read, whether the call got through, the rating, the
 * findings (each needs a note of what happened: the server refuses a bare accusation too).
 */
export function CallForm(props: {
  firm: { enterpriseId: string; enterpriseName: string; stewardName: string | null };
  onDone: () => void;
  onCancel: () => void;
}) {
  const [reached, setReached] = useState<'yes' | 'no'>('yes');
  const [rating, setRating] = useState<string | null>(null);
  const [flags, setFlags] = useState<CallbackFlag[]>([]);
  const [remarks, setRemarks] = useState('');
  const { errors, sending, submit } = useFormSubmit();
  const on = reached === 'yes';

  const toggleFlag = (f: CallbackFlag) =>
    setFlags((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]));

  const save = () => {
    const body = {
      enterpriseId: props.firm.enterpriseId,
      reached: on,
      satisfaction: on && rating ? Number(rating) : null,
      remarks,
      flags: on ? flags : [],
    };
    void submit(
      callbackInputSchema,
      body,
      (data, idempotencyKey) => consoleApi.recordCallback(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({
          title: flags.length > 0 && on ? '已记录，已通知督查' : '已记录',
          icon: 'none',
        });
        props.onDone();
      },
    );
  };

  return (
    <View className="w-card callback-form">
      <Text className="w-card__title">{props.firm.enterpriseName}</Text>
      <Text className="w-line">复工管家：{props.firm.stewardName ?? '未留姓名'}</Text>
      <Text className="w-label">回访话术</Text>
      {CALLBACK_SCRIPT.map((line, i) => (
        <Text key={line} className="w-line callback-form__script">
          {i + 1}. {line}
        </Text>
      ))}
      <Text className="w-label">是否接通</Text>
      <Chips options={[...REACHED]} value={reached} onChange={setReached} />
      {on ? (
        <>
          <Text className="w-label">满意度</Text>
          <Chips options={RATINGS} value={rating} onChange={setRating} />
          {errors.satisfaction ? <Text className="w-error">{errors.satisfaction}</Text> : null}
          <Text className="w-label">发现的问题（可多选，可不选）</Text>
          <Chips options={FLAG_OPTIONS} value={flags} onChange={toggleFlag} />
          {errors.flags ? <Text className="w-error">{errors.flags}</Text> : null}
        </>
      ) : null}
      <Text className="w-label">回访记录</Text>
      <TextArea
        className="callback-form__remarks"
        placeholder={flags.length > 0 ? '请写明具体情况：何事、何时、找过谁' : '企业反映的情况（可选）'}
        maxLength={500}
        value={remarks}
        onChange={setRemarks}
      />
      {errors.remarks ? <Text className="w-error">{errors.remarks}</Text> : null}
      {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
      <View className="w-actions">
        <Button type="primary" loading={sending} disabled={sending} onClick={save}>
          保存回访
        </Button>
        <Button onClick={props.onCancel}>返回名单</Button>
      </View>
    </View>
  );
}
