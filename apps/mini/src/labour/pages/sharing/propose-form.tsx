import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  INSURANCE_PAYER_LABELS,
  INSURANCE_PAYERS,
  sharingAgreementInputSchema,
  type InsurancePayer,
  type SharingPost,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DayRange } from '../../../components/day-range';
import { formOnlyError } from '../../../forms/field-errors';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { sharingApi } from '../../../services/sharing';
import '../../../styles/worker.css';

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
/** Phones typed in one box, separated by commas, spaces or new lines. */
const phonesIn = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean);

/**
 * 商定调剂 with another firm's post: pick the firm's own post of the other kind, and the terms. The
 * period starts as the overlap of the two posts; the lender names the workers it lends (by phone,
 * so they see the arrangement too).
 */
export function ProposeForm({
  counterpart,
  own,
  onSent,
}: {
  counterpart: SharingPost;
  own: SharingPost[];
  onSent: () => void;
}) {
  const [mineId, setMineId] = useState(own.length === 1 ? own[0].id : '');
  const mine = own.find((p) => p.id === mineId) ?? null;
  const [headcount, setHeadcount] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [terms, setTerms] = useState('');
  const [payer, setPayer] = useState<InsurancePayer | null>(null);
  const [phones, setPhones] = useState('');
  const { errors, setErrors, sending, submit } = useFormSubmit();
  const lending = counterpart.kind === 'shortage';
  const start = mine ? later(mine.fromDay, counterpart.fromDay) : counterpart.fromDay;
  const end = mine ? earlier(mine.toDay, counterpart.toDay) : counterpart.toDay;

  const send = () => {
    if (!mine) return setErrors({ mine: lending ? '请选择本企业的富余员工发布' : '请选择本企业的缺工发布' });
    return submit(
      sharingAgreementInputSchema,
      {
        surplusId: lending ? mine.id : counterpart.id,
        shortageId: lending ? counterpart.id : mine.id,
        headcount: headcount.trim() === '' ? undefined : Number(headcount),
        fromDay: fromDay || start,
        toDay: toDay || end,
        terms,
        insurancePayer: payer ?? undefined,
        workerPhones: lending ? phonesIn(phones) : [],
      },
      (data, idempotencyKey) => sharingApi.propose(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已发给对方确认', icon: 'success' });
        onSent();
      },
    );
  };

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);
  return (
    <View className="w-card sharing-propose">
      <Text className="w-card__title">与 {counterpart.enterpriseName} 商定调剂</Text>
      {own.length === 0 ? (
        <Text className="w-warn">
          请先发布本企业的{lending ? '富余员工（可借出）' : '缺工（求借用）'}信息，再商定调剂
        </Text>
      ) : (
        <>
          <Text className="w-label">本企业的发布</Text>
          <Chips
            options={own.map((p) => ({ value: p.id, label: `${p.industry} ${p.headcount - p.agreed} 人` }))}
            value={mineId}
            onChange={setMineId}
          />
          {error('mine')}
          <Text className="w-label">调剂人数</Text>
          <Input placeholder="调剂人数" type="number" value={headcount} onChange={setHeadcount} />
          {error('headcount')}
          <DayRange
            from={fromDay || start}
            to={toDay || end}
            onFrom={setFromDay}
            onTo={setToDay}
            start={start}
            end={end}
            fromLabel="调剂开始日期"
            toLabel="调剂结束日期"
            errors={{ from: errors.fromDay, to: errors.toDay }}
          />
          <Text className="w-label">双方约定</Text>
          <Input placeholder="工作内容、报酬结算、食宿安排等" value={terms} onChange={setTerms} />
          {error('terms')}
          <Text className="w-label">借调期间社保</Text>
          <Chips
            options={INSURANCE_PAYERS.map((p) => ({ value: p, label: INSURANCE_PAYER_LABELS[p] }))}
            value={payer}
            onChange={setPayer}
          />
          {error('insurancePayer')}
          {lending ? (
            <>
              <Text className="w-label">被借调员工手机号（可不填，员工可在手机上查看安排）</Text>
              <Input placeholder="多个手机号用逗号分隔" value={phones} onChange={setPhones} />
              {error('workerPhones')}
            </>
          ) : null}
          {formOnlyError(errors) ? <Text className="w-error">{formOnlyError(errors)}</Text> : null}
          <Button type="primary" block loading={sending} disabled={sending} onClick={() => void send()}>
            发给对方确认
          </Button>
        </>
      )}
    </View>
  );
}
