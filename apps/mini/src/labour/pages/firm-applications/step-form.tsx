import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import {
  INTERVIEW_MODE_LABELS,
  INTERVIEW_MODES,
  interviewInputSchema,
  labourReasonSchema,
  offerInputSchema,
  type InterviewMode,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DateField } from '../../../components/date-field';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { chinaToday, fromChinaDateTime } from '../../../services/format';
import { labourApi } from '../../../services/labour';

/** The steps that need the firm to say something: when and how to interview, the offer's terms, why not. */
export type FormStep = 'interview' | 'offer' | 'reject';

/** One step's small form under an application; `onDone` reloads the list. */
export function StepForm({ id, step, onDone }: { id: string; step: FormStep; onDone: () => void }) {
  const [v, setV] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<InterviewMode>('video');
  const [insured, setInsured] = useState(true);
  const { errors, sending, submit } = useFormSubmit();
  const set = (k: string) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const input = (k: string, ph: string, numeric = false) => (
    <>
      <Input placeholder={ph} type={numeric ? 'number' : 'text'} value={v[k] ?? ''} onChange={set(k)} />
      {errors[k] ? <Text className="w-error">{errors[k]}</Text> : null}
    </>
  );
  const send = () => {
    const go = (schema: Parameters<typeof submit>[0], body: unknown) =>
      submit(schema, body, (data) => labourApi.step(id, step, data as object, { silent: true }), onDone);
    if (step === 'interview')
      return go(interviewInputSchema, {
        mode,
        at: fromChinaDateTime(v.at ?? ''),
        ...(mode === 'video' ? { link: v.link ?? '' } : { point: v.point ?? '' }),
      });
    if (step === 'offer')
      return go(offerInputSchema, {
        startDay: v.startDay ?? '',
        contractMonths: Number(v.contractMonths ?? ''),
        wage: Number(v.wage ?? ''),
        socialInsurance: insured,
      });
    return go(labourReasonSchema, { reason: v.reason ?? '' });
  };

  return (
    <View className="w-card">
      {step === 'interview' ? (
        <>
          <Chips
            options={INTERVIEW_MODES.map((m) => ({ value: m, label: INTERVIEW_MODE_LABELS[m] }))}
            value={mode}
            onChange={setMode}
          />
          {input('at', '面试时间，如 2026-03-10 14:00')}
          {mode === 'video' ? input('link', '视频会议链接 https://…') : input('point', '见工点名称和地址')}
        </>
      ) : null}
      {step === 'offer' ? (
        <>
          <DateField
            label="到岗日期"
            placeholder="请选择到岗日期"
            value={v.startDay ?? ''}
            start={chinaToday()}
            onChange={set('startDay')}
          />
          {errors.startDay ? <Text className="w-error">{errors.startDay}</Text> : null}
          {input('contractMonths', '合同期限（月）', true)}
          {input('wage', '月薪（元）', true)}
          <View className="w-row">
            <Text className="w-row__title">缴纳社会保险</Text>
            <Switch aria-label="缴纳社会保险" checked={insured} onChange={setInsured} />
          </View>
        </>
      ) : null}
      {step === 'reject' ? input('reason', '不予录用的原因（求职者可见）') : null}
      {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
      <Button type="primary" block loading={sending} disabled={sending} onClick={() => void send()}>
        {step === 'interview' ? '发送面试安排' : step === 'offer' ? '发出录用' : '确定不予录用'}
      </Button>
    </View>
  );
}
