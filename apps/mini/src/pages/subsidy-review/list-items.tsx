import { Text, View } from '@tarojs/components';
import type { SubsidyList } from '@fugong/contracts';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { useLoad } from '../../store/use-load';
import { EntitlementRow } from './entitlement-row';

/**
 * The firms on one list, opened from its card. A change to a line (剔除, 恢复, an objection
 * decided) reloads these lines and the card's totals above them.
 */
export function ListItems({ list, onChanged }: { list: SubsidyList; onChanged: () => void }) {
  const { data, status, reload } = useLoad(
    () => subsidies.list(list.id),
    (d) => d.items.length === 0,
  );
  const changed = () => {
    reload();
    onChanged();
  };
  const pending = (data?.items ?? []).filter((i) => i.objection?.status === 'pending').length;
  return (
    <View className="subsidy-review__items">
      {pending > 0 ? <Text className="row-item__meta tag-warn">待处理异议 {pending} 件</Text> : null}
      <PageState status={status} onRetry={reload} title={status === 'empty' ? '名单中没有企业' : undefined}>
        {(data?.items ?? []).map((item) => (
          <EntitlementRow key={item.id} list={list} item={item} onChanged={changed} />
        ))}
      </PageState>
    </View>
  );
}
