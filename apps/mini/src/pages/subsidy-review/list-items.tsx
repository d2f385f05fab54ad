import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SubsidyEntitlement, SubsidyList } from '@fugong/contracts';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { useLoad } from '../../hooks/use-load';
import { EntitlementRow } from './entitlement-row';

/** Rows drawn at a time: a city's list runs to thousands of firms and a budget phone draws slowly. */
export const ROWS_PER_STEP = 30;

/** Firms with a pending 异议 first (they wait on the officer), the rest in the list's own order. */
const objectionsFirst = (items: SubsidyEntitlement[]) => [
  ...items.filter((i) => i.objection?.status === 'pending'),
  ...items.filter((i) => i.objection?.status !== 'pending'),
];

/**
 * The firms on one list, opened from its card. A change to a line (剔除, 恢复, an objection
 * decided) reloads these lines and the card's totals above them.
 */
export function ListItems({ list, onChanged }: { list: SubsidyList; onChanged: () => void }) {
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const { data, status, reload } = useLoad(
    () => subsidies.list(list.id),
    (d) => d.items.length === 0,
  );
  const changed = () => {
    reload();
    onChanged();
  };
  const items = objectionsFirst(data?.items ?? []);
  const pending = items.filter((i) => i.objection?.status === 'pending').length;
  return (
    <View className="subsidy-review__items">
      {pending > 0 ? <Text className="row-item__meta tag-warn">待处理异议 {pending} 件</Text> : null}
      <PageState status={status} onRetry={reload} title={status === 'empty' ? '名单中没有企业' : undefined}>
        {items.slice(0, shown).map((item) => (
          <EntitlementRow key={item.id} list={list} item={item} onChanged={changed} />
        ))}
        {items.length > shown ? (
          <Button size="small" onClick={() => setShown(shown + ROWS_PER_STEP)}>
            再显示 {Math.min(ROWS_PER_STEP, items.length - shown)} 家（共 {items.length} 家）
          </Button>
        ) : null}
      </PageState>
    </View>
  );
}
