import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  INSURANCE_PAYER_LABELS,
  SHARING_AGREEMENT_STATUS_LABELS,
  type SharingAgreement,
} from '@fugong/contracts';
import '../../styles/worker.css';

/** The firm that did not propose decides; the proposer (and anyone looking on) waits. */
export const decidingFirm = (a: SharingAgreement) =>
  a.proposedBy === 'lender' ? a.borrower.id : a.lender.id;

/**
 * One 调剂约定 as both firms (and 人社局) read it: who lends to whom, how many, when, on what terms
 * and who pays social insurance. `onDecide` is given only to the firm that is to agree or decline.
 */
export function AgreementCard({
  agreement: a,
  busy = false,
  problem = '',
  onDecide,
}: {
  agreement: SharingAgreement;
  busy?: boolean;
  problem?: string;
  onDecide?: (step: 'agree' | 'decline') => void;
}) {
  return (
    <View className="w-card sharing-agreement">
      <Text className="w-card__title">
        {a.lender.name} → {a.borrower.name} · {a.headcount} 人
      </Text>
      <Text className="w-line">
        {a.fromDay} 至 {a.toDay} · {INSURANCE_PAYER_LABELS[a.insurancePayer]}社保
      </Text>
      <Text className="w-line">约定：{a.terms}</Text>
      {a.workers > 0 ? (
        <Text className="w-muted">已登记被借调员工 {a.workers} 人（劳动关系不变）</Text>
      ) : null}
      <Text className={a.status === 'agreed' ? 'w-badge' : 'w-muted'}>
        {SHARING_AGREEMENT_STATUS_LABELS[a.status]}
      </Text>
      {problem ? <Text className="w-error">{problem}</Text> : null}
      {onDecide && a.status === 'proposed' ? (
        <View className="w-actions">
          <Button type="primary" loading={busy} disabled={busy} onClick={() => onDecide('agree')}>
            确认调剂
          </Button>
          <Button disabled={busy} onClick={() => onDecide('decline')}>
            婉拒
          </Button>
        </View>
      ) : null}
    </View>
  );
}
