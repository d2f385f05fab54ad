import { Text, View } from '@tarojs/components';
import { POST_SIDE_LABELS, POST_SIDES, SUPPLY_CATEGORIES, SUPPLY_CATEGORY_LABELS } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/** 产业链协同 for 工信局 and the command: open posts by side and category, matches, chain risk. */
export default function SupplyFiguresPage() {
  const f = useLoad(() => supplyApi.figures());
  const d = f.data;
  const count = (side: string, category: string) =>
    d?.postsOpen.find((p) => p.side === side && p.category === category)?.count ?? 0;
  return (
    <View className="w-page supply-figures">
      <OfflineBanner onRetry={f.reload} />
      <PageState status={f.status} onRetry={f.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">对接</Text>
              <Text className="w-line">
                待确认 {d.matchesProposed} 对 · 已对接 {d.matchesConfirmed} 对
              </Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">产业链风险</Text>
              <Text className={d.suppliersAtRisk > 0 ? 'w-warn' : 'w-line'}>
                核心配套供应商 {d.suppliers} 家，其中未复工或情况不明 {d.suppliersAtRisk} 家
              </Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">在架供需（按类别）</Text>
              {SUPPLY_CATEGORIES.map((c) => (
                <Text key={c} className="w-line">
                  {SUPPLY_CATEGORY_LABELS[c]}：
                  {POST_SIDES.map((s) => `${POST_SIDE_LABELS[s]} ${count(s, c)}`).join(' · ')}
                </Text>
              ))}
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
