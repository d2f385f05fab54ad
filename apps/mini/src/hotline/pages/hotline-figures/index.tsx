import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { daySpanProblem, HOTLINE_FIGURES_MAX_DAYS, type HotlineFigures } from '@fugong/contracts';
import { DayRange } from '../../../components/day-range';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { chinaToday } from '../../../services/format';
import { hotlineApi } from '../../../services/hotline';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

type Rate = HotlineFigures['answered'];
/** "12 / 15（80.0%）"; a rate over nothing shows as "—", not 0 %. */
const shown = (r: Rate) =>
  `${r.count} / ${r.of}（${r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`}）`;

/** The earliest day the wheels offer: the hotline has no calls before the system went live. */
const FIRST_DAY = '2020-01-01';

/**
 * 热线三率 for the operators and the command: answered, closed by the deadline, satisfied, over
 * the calls of a period (the last 30 days until someone picks one). A period the server would
 * refuse is explained under the wheels and not asked for.
 */
export default function HotlineFiguresPage() {
  const [period, setPeriod] = useState({ from: '', to: '' });
  const chosen = period.from !== '' && period.to !== '';
  const problem = chosen ? daySpanProblem(period.from, period.to, HOTLINE_FIGURES_MAX_DAYS) : null;
  const f = useLoad(() => hotlineApi.figures(chosen && !problem ? period : undefined));
  const d = f.data;
  const reload = f.reload;
  useEffect(() => {
    if (chosen && !problem) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload is stable; the period is the trigger
  }, [period.from, period.to]);
  // Until a period is picked, the wheels show the one the server counted.
  const from = period.from || d?.from || '';
  const to = period.to || d?.to || '';
  return (
    <View className="w-page hotline-figures">
      <OfflineBanner onRetry={f.reload} />
      <View className="w-card">
        <Text className="w-card__title">统计区间（按来电日期）</Text>
        <DayRange
          from={from}
          to={to}
          onFrom={(day) => setPeriod({ from: day, to })}
          onTo={(day) => setPeriod({ from, to: day })}
          start={FIRST_DAY}
          end={chinaToday()}
          errors={{ to: problem ?? undefined }}
        />
      </View>
      <PageState status={f.status} onRetry={f.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">
                {d.from} 至 {d.to} 来电 {d.calls} 个
              </Text>
              <Text className="w-line">转为问题诉求 {d.issuesCreated} 件</Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">三率</Text>
              <Text className="w-line">答复率 {shown(d.answered)}</Text>
              <Text className="w-line">按期办结率 {shown(d.closedWithinDeadline)}</Text>
              <Text className="w-line">回访满意率 {shown(d.satisfied)}</Text>
              <Text className="w-muted">
                统计区间内来电的办理情况。答复：当场答复或部门已答复；满意：回访评 4 分及以上
              </Text>
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
