import { Text, View } from '@tarojs/components';
import { CHINA_TIME_ZONE } from '@fugong/domain';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { usePagedLoad } from '../../hooks/use-paged-load';
import { ObjectionForm } from './objection-form';
import '../../styles/issue.css';

const OBJECTION_WORDS = { pending: '异议处理中', upheld: '异议成立', rejected: '异议不成立' } as const;
const day = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: CHINA_TIME_ZONE, hour12: false }).slice(0, -3);

/**
 * 可享政策 · 免申即享: what the liaison's firm gets without applying, computed from data the
 * government already holds, with the reason, the 公示 deadline, payment, and a way to object.
 */
export default function SubsidiesPage() {
  // Newest first, a page at a time: scrolling to the bottom brings older ones.
  const { items, status, reload, hasMore, loadingMore } = usePagedLoad((cursor) => subsidies.mine(cursor));
  return (
    <View className="subsidies">
      <OfflineBanner onRetry={reload} />
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="暂无公示中的补贴"
        emptyDescription="符合条件的补贴会自动出现在这里，无需申请"
      >
        {items.map((item) => (
          <View key={item.id} className="card">
            <Text className="card__title">
              {item.policyLabel}（{item.period} 年）
            </Text>
            <Text className="row-item__title">{item.headline}</Text>
            <Text className="row-item__meta">依据：{item.reason}</Text>
            {item.paid ? <Text className="row-item__meta">已拨付到企业账户</Text> : null}
            {item.publicityEndsAt && !item.paid ? (
              <Text className="row-item__meta">公示至 {day(item.publicityEndsAt)}</Text>
            ) : null}
            {item.objection ? (
              <Text className="row-item__meta">
                {OBJECTION_WORDS[item.objection.status]}
                {item.objection.decisionNote ? `：${item.objection.decisionNote}` : ''}
              </Text>
            ) : null}
            {item.canObject ? <ObjectionForm entitlementId={item.id} onSent={reload} /> : null}
          </View>
        ))}
        {loadingMore ? <Text className="row-item__meta">正在加载…</Text> : null}
        {hasMore && !loadingMore ? <Text className="row-item__meta">上拉查看更早的补贴</Text> : null}
      </PageState>
    </View>
  );
}
