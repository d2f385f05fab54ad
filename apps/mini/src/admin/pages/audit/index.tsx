import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  AUDIT_KIND_LABELS,
  AUDIT_KINDS,
  FIRST_DAY,
  type AuditEntryView,
  type AuditFilter,
  type AuditKind,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DateField } from '../../../components/date-field';
import { consoleApi } from '../../../services/console-api';
import { chinaToday, toChinaDateTime } from '../../../services/format';
import { useDownload } from '../../../hooks/use-download';
import '../../../styles/worker.css';

const ALL = 'all';
const KINDS = [
  { value: ALL, label: '全部' },
  ...AUDIT_KINDS.map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] })),
];
const PAGE_SIZE = 20;

/** The first day of this month, China time: the range a look at the log usually starts with. */
const monthStart = (today: string) => `${today.slice(0, 8)}01`;

function EntryRow({ e }: { e: AuditEntryView }) {
  return (
    <View className="w-row audit__entry">
      <Text className="w-line">{e.actionLabel}</Text>
      <Text className="w-muted">
        {toChinaDateTime(e.at)} · {e.actorName ?? '未填写姓名'} {e.actorPhoneMasked ?? ''}
      </Text>
      <Text className="w-muted">
        {e.subjectType} {e.subjectId}
        {e.fields.length ? ` · ${e.fields.join(' ')}` : ''}
      </Text>
    </View>
  );
}

/**
 * 审计日志 (指挥部): full reads of personal data, exports, role grants, imports and assignments,
 * filtered by kind, by who did it (found by phone) and by day range, 20 a page; the same filter
 * exports as CSV with phones masked, and the export is audited too.
 */
export default function AuditPage() {
  const today = chinaToday();
  const [kind, setKind] = useState<string>(ALL);
  const [phone, setPhone] = useState('');
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ items: AuditEntryView[]; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const { progress, start } = useDownload();

  /** The filter as the server takes it; the actor's phone is turned into their id first. */
  const filterNow = async (): Promise<AuditFilter> => {
    const actorId = phone.trim() ? (await consoleApi.findByPhone(phone.trim())).id : undefined;
    return { kind: kind === ALL ? undefined : (kind as AuditKind), actorId, from, to };
  };

  const search = async (p: number) => {
    setBusy(true);
    try {
      const found = await consoleApi.auditLog(await filterNow(), p);
      setResult(found);
      setPage(p);
    } catch {
      // The request wrapper said why (结束日期不能早于开始日期, 未找到该用户).
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () =>
    start(async (onProgress) => consoleApi.exportAuditLog(await filterNow(), onProgress), '审计日志已导出');

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <View className="w-page console-audit">
      <View className="w-card">
        <Text className="w-label">类别</Text>
        <Chips options={KINDS} value={kind} onChange={setKind} />
        <Text className="w-label">操作人手机号（可不填）</Text>
        <Input
          name="actorPhone"
          type="number"
          placeholder="11 位手机号"
          maxLength={11}
          value={phone}
          onChange={setPhone}
        />
        <Text className="w-label">开始日期</Text>
        <DateField label="开始日期" value={from} onChange={setFrom} start={FIRST_DAY} end={today} />
        <Text className="w-label">结束日期</Text>
        <DateField label="结束日期" value={to} onChange={setTo} start={FIRST_DAY} end={today} />
        <View className="w-actions">
          <Button type="primary" loading={busy} disabled={busy} onClick={() => search(1)}>
            查询
          </Button>
          <Button type="default" disabled={!!progress} onClick={exportCsv}>
            {progress ?? '导出 CSV'}
          </Button>
        </View>
        <Text className="w-muted">导出的手机号均已脱敏；每次导出也记入审计日志</Text>
      </View>
      {result ? (
        <View className="w-card">
          <Text className="w-card__title">共 {result.total} 条</Text>
          {result.items.length === 0 ? <Text className="w-muted">该条件下没有记录</Text> : null}
          {result.items.map((e, i) => (
            <EntryRow key={`${e.at}-${i}`} e={e} />
          ))}
          {pages > 1 ? (
            <View className="w-actions">
              <Button type="default" disabled={busy || page <= 1} onClick={() => search(page - 1)}>
                上一页
              </Button>
              <Text className="w-muted">
                第 {page} / {pages} 页
              </Text>
              <Button type="default" disabled={busy || page >= pages} onClick={() => search(page + 1)}>
                下一页
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
