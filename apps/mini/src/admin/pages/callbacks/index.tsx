import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  CALLBACK_FLAG_LABELS,
  CALLBACK_FLAGS,
  type ResponseOf,
  type callbackConsoleRoutes,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { PageState } from '../../../components/page-state';
import { useLoad } from '../../../hooks/use-load';
import { consoleApi } from '../../../services/console-api';
import { CallForm } from './call-form';
import '../../../styles/worker.css';
import './index.css';

type DueItem = ResponseOf<typeof callbackConsoleRoutes.callbacksDue>['items'][number];
type Scorecard = ResponseOf<typeof callbackConsoleRoutes.callbackScorecard>;

const TABS = [
  { value: 'due', label: '待回访' },
  { value: 'scorecard', label: '服务评价' },
] as const;
const DUE_DAYS = ['14', '30', '60'].map((d) => ({ value: d, label: `${d} 天未回访` }));

const sinceLabel = (i: DueItem) => (i.daysSinceCall === null ? '从未回访' : `${i.daysSinceCall} 天前回访`);

/**
 * 电话回访 (指挥部 / 纪委督查): the firms due for a call-back, the call with its script, and each
 * steward's scorecard (visits, issues raised, call-backs, rating, findings) with findings first.
 */
export default function CallbacksPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<'due' | 'scorecard'>(params.tab === 'scorecard' ? 'scorecard' : 'due');
  const [days, setDays] = useState('14');
  // The load reads the window from a ref: a reload right after a pick must ask for the new one.
  const daysRef = useRef(days);
  const [calling, setCalling] = useState<DueItem | null>(null);
  const due = useLoad(
    () => consoleApi.callbacksDue(Number(daysRef.current)),
    (d) => d.items.length === 0,
  );
  const card = useLoad<Scorecard>(
    () => consoleApi.scorecard(30),
    (d) => d.items.length === 0,
  );

  const pickDays = (d: string) => {
    daysRef.current = d;
    setDays(d);
    due.reload();
  };

  if (calling)
    return (
      <View className="w-page">
        <CallForm
          firm={calling}
          onCancel={() => setCalling(null)}
          onDone={() => {
            setCalling(null);
            due.reload();
            card.reload();
          }}
        />
      </View>
    );

  return (
    <View className="w-page console-callbacks">
      <View className="callbacks__filters">
        <Chips options={[...TABS]} value={tab} onChange={setTab} />
        {tab === 'due' ? <Chips options={DUE_DAYS} value={days} onChange={pickDays} /> : null}
      </View>
      {tab === 'due' ? (
        <>
          <PageState
            status={due.status}
            onRetry={due.reload}
            title="没有待回访的企业"
            description={`有管家的企业都在 ${days} 天内回访过`}
          >
            <Text className="w-muted callbacks__note">
              共 {due.data?.total ?? 0} 家待回访，点企业开始回访
            </Text>
            {due.data?.items.map((i) => (
              <View key={i.enterpriseId} className="w-card callbacks__firm" onClick={() => setCalling(i)}>
                <Text className="w-card__title">{i.enterpriseName}</Text>
                <Text className="w-line">
                  管家：{i.stewardName ?? '未留姓名'} · {sinceLabel(i)}
                </Text>
              </View>
            ))}
          </PageState>
        </>
      ) : (
        <PageState status={card.status} onRetry={card.reload} title="还没有复工管家">
          <Text className="w-muted callbacks__note">
            近 {card.data?.days ?? 30} 天，有问题情形的管家排在前面
          </Text>
          {card.data?.items.map((s) => {
            const found = CALLBACK_FLAGS.filter((f) => s.flags[f] > 0);
            return (
              <View key={s.stewardId} className="w-card callbacks__steward">
                <Text className="w-card__title">{s.stewardName ?? '未留姓名'}</Text>
                <Text className="w-line">
                  联系企业 {s.enterprises} 家 · 走访 {s.visits} 次 · 走访中提出问题 {s.issuesRaised} 件
                </Text>
                <Text className="w-line">
                  回访 {s.calls} 次 · 接通 {s.reached} 次 · 满意度{' '}
                  {s.averageSatisfaction === null ? '暂无' : `${s.averageSatisfaction} 分`}
                </Text>
                {found.length > 0 ? (
                  <Text className="w-error">
                    {found.map((f) => `${CALLBACK_FLAG_LABELS[f]} ${s.flags[f]} 次`).join('，')}
                  </Text>
                ) : null}
              </View>
            );
          })}
        </PageState>
      )}
    </View>
  );
}
