import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RebalanceResult } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { PageState } from '../../../components/page-state';
import { consoleApi } from '../../../services/console-api';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 管家离岗移交 (指挥部): when a steward leaves, every firm they serve moves at once to the stewards
 * chosen to take over, shared so their loads end even. All or nothing on the server, audited.
 */
export default function HandoverPage() {
  const roster = useLoad(() => consoleApi.stewards());
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string[]>([]);
  const [result, setResult] = useState<RebalanceResult | null>(null);
  const [busy, setBusy] = useState(false);
  if (!roster.data) return <PageState status={roster.status} onRetry={roster.reload} />;

  const stewards = roster.data.items;
  const label = (s: (typeof stewards)[number]) => `${s.name ?? '未填写姓名'}（${s.enterprises} 家）`;
  const leaving = stewards.find((s) => s.id === from) ?? null;

  const chooseFrom = (id: string) => {
    setFrom(id);
    setTo((ts) => ts.filter((t) => t !== id));
    setResult(null);
  };
  const toggleTo = (id: string) =>
    setTo((ts) => (ts.includes(id) ? ts.filter((t) => t !== id) : [...ts, id]));

  const handOver = async () => {
    if (!from) return;
    const confirmed = await Taro.showModal({
      title: '确认移交',
      content: `将 ${leaving?.name ?? ''} 服务的 ${leaving?.enterprises ?? 0} 家企业全部移交给所选管家？`,
    });
    if (!confirmed.confirm) return;
    setBusy(true);
    try {
      setResult(await consoleApi.rebalance({ fromStewardId: from, toStewardIds: to }));
      setTo([]);
      roster.reload();
    } catch {
      // Shown by the request wrapper (该管家目前没有服务的企业, 企业刚有变动).
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-page console-handover">
      <View className="w-card">
        <Text className="w-card__title">离岗的管家</Text>
        <Chips
          options={stewards.map((s) => ({ value: s.id, label: label(s) }))}
          value={from}
          onChange={chooseFrom}
        />
      </View>
      {from ? (
        <View className="w-card">
          <Text className="w-card__title">接手的管家（可多选）</Text>
          <Chips
            options={stewards.filter((s) => s.id !== from).map((s) => ({ value: s.id, label: label(s) }))}
            value={to}
            onChange={toggleTo}
          />
          <Button type="primary" loading={busy} disabled={busy || to.length === 0} onClick={handOver}>
            移交全部企业
          </Button>
          <Text className="w-muted">按接手管家现有企业数均衡分配；移交记入审计日志</Text>
        </View>
      ) : null}
      {result ? (
        <View className="w-card">
          <Text className="w-card__title">已移交 {result.moved} 家</Text>
          {result.to.map((t) => (
            <Text key={t.stewardId} className="w-line">
              {t.name ?? '未填写姓名'}：接手 {t.received} 家
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
