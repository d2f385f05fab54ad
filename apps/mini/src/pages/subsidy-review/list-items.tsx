import { Text, View } from '@tarojs/components';
import type { SubsidyEntitlement, SubsidyList } from '@fugong/contracts';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { usePagedLoad } from '../../hooks/use-paged-load';
import { EntitlementRow } from './entitlement-row';

/** Firms with a pending 异议 first among those loaded (they wait on the officer), the rest in order. */
const objectionsFirst = (items: SubsidyEntitlement[]) => [
  ...items.filter((i) => i.objection?.status === 'pending'),
  ...items.filter((i) => i.objection?.status !== 'pending'),
];

/**
 * The firms on one list, opened from its card, a page at a time from the server (a city's list
 * runs to tens of thousands of firms): scrolling to the bottom brings the next page. A change to
 * a line (剔除, 恢复, an objection decided) reloads from the first page and the card's totals.
 */
export function ListItems({ list, onChanged }: { list: SubsidyList; onChanged: () => void }) {
  const {
    data,
    items: loaded,
    status,
    reload,
    hasMore,
    loadingMore,
  } = usePagedLoad((cursor) => subsidies.list(list.id, cursor));
  const changed = () => {
    reload();
    onChanged();
  };
  const items = objectionsFirst(loaded);
  const pending = data?.pendingObjections ?? 0;
  return (
    <View className="subsidy-review__items">
      {pending > 0 ? <Text className="row-item__meta tag-warn">待处理异议 {pending} 件</Text> : null}
      <PageState status={status} onRetry={reload} emptyTitle="名单中没有企业">
        {items.map((item) => (
          <EntitlementRow key={item.id} list={list} item={item} onChanged={changed} />
        ))}
        <Text className="row-item__meta">
          {loadingMore
            ? '正在加载…'
            : hasMore
              ? `已显示 ${items.length} 家（共 ${data?.count ?? items.length} 家），上拉加载更多`
              : `已显示全部 ${items.length} 家`}
        </Text>
      </PageState>
    </View>
  );
}
