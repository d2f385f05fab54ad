import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import {
  APPROVAL_PATH_LABELS,
  CARGO_LABELS,
  FREIGHT_STATUS_LABELS,
  VEHICLE_LABELS,
  type FreightPass,
} from '@fugong/contracts';
import '../../styles/worker.css';

/** `2026-03-02T01:00:00Z` → `3月2日 09:00` (China time, whatever the phone's zone). */
export function shortTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** One pass as every freight list shows it; `children` are the actions of the screen. */
export function FreightPassCard(props: { pass: FreightPass; onOpen?: () => void; children?: ReactNode }) {
  const p = props.pass;
  return (
    <View className="w-row" onClick={props.onOpen}>
      <Text className="w-row__title">
        {p.plate} · {CARGO_LABELS[p.cargo]}
      </Text>
      <Text className={`w-badge${p.status === 'approved' ? '' : ' w-badge--warn'}`}>
        {FREIGHT_STATUS_LABELS[p.status]} · {APPROVAL_PATH_LABELS[p.approvalPath]}
      </Text>
      {p.overdue ? <Text className="w-badge w-badge--warn">已超时</Text> : null}
      <Text className="w-line">
        {VEHICLE_LABELS[p.vehicleType]} · 驾驶员 {p.driver.name} {p.driver.phone}
      </Text>
      <Text className="w-muted">
        {p.route.originText} → {p.route.destinationText}
      </Text>
      <Text className="w-muted">
        有效期 {shortTime(p.validFrom)} 至 {shortTime(p.validUntil)}
      </Text>
      {p.status === 'pending' && p.reviewDueAt ? (
        <Text className="w-muted">审核时限 {shortTime(p.reviewDueAt)}</Text>
      ) : null}
      {p.revokeReason ? <Text className="w-error">撤销原因：{p.revokeReason}</Text> : null}
      {p.status === 'refused' && p.decisionNote ? (
        <Text className="w-error">不通过原因：{p.decisionNote}</Text>
      ) : null}
      {props.children}
    </View>
  );
}
