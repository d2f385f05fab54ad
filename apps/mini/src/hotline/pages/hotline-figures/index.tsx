import { Text, View } from '@tarojs/components';
import type { HotlineFigures } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { hotlineApi } from '../../../services/hotline';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

type Rate = HotlineFigures['answered'];
/** "12 / 15（80.0%）"; a rate over nothing shows as "—", not 0 %. */
const shown = (r: Rate) =>
  `${r.count} / ${r.of}（${r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`}）`;

/** 热线三率 for the operators and the command: answered, closed by the deadline, satisfied. */
export default function HotlineFiguresPage() {
  const f = useLoad(() => hotlineApi.figures());
  const d = f.data;
  return (
    <View className="w-page hotline-figures">
      <OfflineBanner onRetry={f.reload} />
      <PageState status={f.status} onRetry={f.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">来电 {d.calls} 个</Text>
              <Text className="w-line">转为问题诉求 {d.issuesCreated} 件</Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">三率</Text>
              <Text className="w-line">答复率 {shown(d.answered)}</Text>
              <Text className="w-line">按期办结率 {shown(d.closedWithinDeadline)}</Text>
              <Text className="w-line">回访满意率 {shown(d.satisfied)}</Text>
              <Text className="w-muted">答复：当场答复或部门已答复；满意：回访评 4 分及以上</Text>
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
