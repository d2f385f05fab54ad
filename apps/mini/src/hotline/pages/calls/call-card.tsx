import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  CALL_STATUS_LABELS,
  HOTLINE_CATEGORY_LABELS,
  HOTLINE_LABELS,
  type HotlineCall,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { formatTime } from '../../../services/format';
import { hotlineApi } from '../../../services/hotline';

const SATISFACTION = ['1', '2', '3', '4', '5'] as const;
const SATISFACTION_LABELS: Record<(typeof SATISFACTION)[number], string> = {
  '1': '1 很不满意',
  '2': '2 不满意',
  '3': '3 一般',
  '4': '4 满意',
  '5': '5 很满意',
};

/** One call: where it stands, what the caller was told, and the call-back once they have an answer. */
export function CallCard(props: { call: HotlineCall; onChanged: () => void }) {
  const c = props.call;
  const [fullPhone, setFullPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    try {
      setFullPhone((await hotlineApi.callerPhone(c.id)).phone);
    } catch {
      // Shown by the request wrapper.
    }
  };
  const rate = async (s: string) => {
    setBusy(true);
    try {
      await hotlineApi.callback(c.id, Number(s));
      props.onChanged();
    } catch {
      // Shown by the request wrapper (e.g. 该来电已回访).
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-card hotline-call">
      <Text className="w-card__title">
        【{CALL_STATUS_LABELS[c.status]}】{HOTLINE_CATEGORY_LABELS[c.category]}
      </Text>
      <Text className="w-line">
        {HOTLINE_LABELS[c.line]} · {formatTime(c.receivedAt)}
      </Text>
      <Text className="w-line">
        来电 {fullPhone ?? c.callerPhoneMasked}
        {c.enterpriseName ? ` · ${c.enterpriseName}` : ''}
      </Text>
      <Text className="w-muted">{c.text}</Text>
      {c.issueNumber ? <Text className="w-line">问题编号 {c.issueNumber}</Text> : null}
      {c.answer ? <Text className="w-line">答复：{c.answer}</Text> : null}
      {c.closedWithinDeadline === false ? <Text className="w-warn">超期办结</Text> : null}
      {c.notifiedAt ? <Text className="w-muted">已短信告知来电人</Text> : null}
      {c.callback ? <Text className="w-line">回访满意度 {c.callback.satisfaction} 分</Text> : null}
      {fullPhone ? null : (
        <Button size="small" onClick={() => void reveal()}>
          查看完整号码（记入审计）
        </Button>
      )}
      {c.status !== 'in_progress' && !c.callback ? (
        <>
          <Text className="w-label">回访满意度</Text>
          <Chips
            options={SATISFACTION.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))}
            value={null}
            onChange={(s) => (busy ? undefined : void rate(s))}
          />
        </>
      ) : null}
    </View>
  );
}
