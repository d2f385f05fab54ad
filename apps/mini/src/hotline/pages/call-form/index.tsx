import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import {
  DEPARTMENTS,
  HOTLINE_CATEGORIES,
  HOTLINE_CATEGORY_LABELS,
  HOTLINE_LABELS,
  HOTLINES,
  ISSUE_URGENCIES,
  ISSUE_URGENCY_LABELS,
  MAX_CALL_TEXT,
  hotlineCallInputSchema,
  type DepartmentCode,
  type Hotline,
  type HotlineCategory,
  type IssueUrgency,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { formOnlyError } from '../../../forms/field-errors';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { openPage, PAGES } from '../../../navigation';
import { hotlineApi } from '../../../services/hotline';
import { EnterprisePicker, type PickedFirm } from './enterprise-picker';
import '../../../styles/worker.css';

type OutcomeKind = 'answered' | 'issue';
const OUTCOMES: { value: OutcomeKind; label: string }[] = [
  { value: 'answered', label: '当场答复' },
  { value: 'issue', label: '转为问题诉求' },
];

/**
 * 登记来电: the line, the caller's number, the firm if any, what they ask; then either the answer
 * given on the spot or the department the issue goes to. Everything is a tap except the number
 * and the words, so a call can be logged while it is still going on.
 */
export default function CallFormPage() {
  const [line, setLine] = useState<Hotline | null>(null);
  const [phone, setPhone] = useState('');
  const [firm, setFirm] = useState<PickedFirm | null>(null);
  const [category, setCategory] = useState<HotlineCategory | null>(null);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const [answer, setAnswer] = useState('');
  const [department, setDepartment] = useState<DepartmentCode | null>(null);
  const [urgency, setUrgency] = useState<IssueUrgency>('normal');
  const { errors, sending, submit } = useFormSubmit();

  const outcome =
    kind === 'answered'
      ? { kind, answer }
      : kind === 'issue'
        ? { kind, departmentCode: department ?? undefined, urgency }
        : undefined;
  const save = () =>
    submit(
      hotlineCallInputSchema,
      {
        line: line ?? undefined,
        callerPhone: phone,
        enterpriseId: firm?.id ?? null,
        category: category ?? undefined,
        text,
        outcome,
      },
      (data, idempotencyKey) => hotlineApi.record(data, { idempotencyKey, silent: true }),
      (call) => {
        void Taro.showToast({
          title: call.issueNumber ? `已派单 ${call.issueNumber}` : '已登记',
          icon: 'none',
        });
        void Taro.redirectTo({ url: PAGES.hotlineCalls });
      },
    );

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);

  return (
    <View className="w-page hotline-call-form">
      <OfflineBanner />
      <View className="w-card">
        <Text className="w-label">热线</Text>
        <Chips
          options={HOTLINES.map((h) => ({ value: h, label: HOTLINE_LABELS[h] }))}
          value={line}
          onChange={setLine}
        />
        {error('line')}
        <Text className="w-label">来电号码</Text>
        <Input placeholder="来电人手机号" type="number" maxLength={13} value={phone} onChange={setPhone} />
        {error('callerPhone')}
        <EnterprisePicker value={firm} onChange={setFirm} />
        {error('enterpriseId')}
        <Text className="w-label">来电类别</Text>
        <Chips
          options={HOTLINE_CATEGORIES.map((c) => ({ value: c, label: HOTLINE_CATEGORY_LABELS[c] }))}
          value={category}
          onChange={setCategory}
        />
        {error('category')}
        <Text className="w-label">来电内容</Text>
        <TextArea
          className="field-textarea"
          placeholder="来电人反映的问题或咨询的事项"
          maxLength={MAX_CALL_TEXT}
          value={text}
          onChange={setText}
        />
        {error('text')}
      </View>
      <View className="w-card">
        <Text className="w-label">办理方式</Text>
        <Chips options={OUTCOMES} value={kind} onChange={setKind} />
        {kind === 'answered' ? (
          <TextArea
            className="field-textarea"
            placeholder="当场答复的内容"
            maxLength={MAX_CALL_TEXT}
            value={answer}
            onChange={setAnswer}
          />
        ) : null}
        {kind === 'issue' ? (
          <>
            <Text className="w-label">派往部门</Text>
            <Chips
              options={DEPARTMENTS.map((d) => ({ value: d.code, label: d.name }))}
              value={department}
              onChange={setDepartment}
            />
            <Text className="w-label">紧急程度</Text>
            <Chips
              options={ISSUE_URGENCIES.map((u) => ({ value: u, label: ISSUE_URGENCY_LABELS[u] }))}
              value={urgency}
              onChange={setUrgency}
            />
            <Text className="w-muted">办结后系统以短信告知来电人答复结果</Text>
          </>
        ) : null}
        {error('outcome')}
        {formOnlyError(errors) ? <Text className="w-error">{formOnlyError(errors)}</Text> : null}
      </View>
      <View className="w-actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={() => void save()}>
          登记
        </Button>
        <Button block onClick={() => openPage(PAGES.hotlineCalls)}>
          来电记录
        </Button>
      </View>
    </View>
  );
}
