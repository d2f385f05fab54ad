import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SubsidyEntitlement, SubsidyList } from '@fugong/contracts';
import { formatYuan } from '@fugong/domain';
import { subsidies } from '../../services/subsidies';
import { DecisionForm } from './decision-form';
import { ExcludeForm } from './exclude-form';

const DECIDED = { upheld: '异议成立', rejected: '异议不成立' } as const;

/**
 * One firm on a list: amount and the rule's reason, then what the list's stage allows — 剔除 or
 * 恢复 while it is a draft, deciding a pending 异议 while it is in 公示.
 */
export function EntitlementRow(props: {
  list: SubsidyList;
  item: SubsidyEntitlement;
  onChanged: () => void;
}) {
  const { list, item, onChanged } = props;
  const [excluding, setExcluding] = useState(false);
  const params = { id: list.id, entitlementId: item.id };
  const restore = async () => {
    await subsidies.include(params);
    void Taro.showToast({ title: '已恢复', icon: 'success' });
    onChanged();
  };
  const draft = list.status === 'draft';
  const objection = item.objection;
  return (
    <View className="row-item">
      <Text className="row-item__title">
        {item.enterpriseName} · {formatYuan(item.amountFen)}
      </Text>
      <Text className="row-item__meta">依据：{item.reason}</Text>
      {item.excluded ? <Text className="row-item__meta tag-warn">已剔除：{item.excluded.reason}</Text> : null}
      {objection ? <Text className="row-item__meta">企业异议：{objection.text}</Text> : null}
      {objection && objection.status !== 'pending' ? (
        <Text className="row-item__meta">
          {DECIDED[objection.status]}
          {objection.decisionNote ? `：${objection.decisionNote}` : ''}
        </Text>
      ) : null}
      {objection?.status === 'pending' && list.status === 'publicity' ? (
        <DecisionForm listId={list.id} entitlementId={item.id} onDone={onChanged} />
      ) : null}
      {draft && item.excluded ? (
        <Button size="small" onClick={restore}>
          恢复
        </Button>
      ) : null}
      {draft && !item.excluded && !excluding ? (
        <Button size="small" onClick={() => setExcluding(true)}>
          剔除
        </Button>
      ) : null}
      {draft && !item.excluded && excluding ? (
        <ExcludeForm listId={list.id} entitlementId={item.id} onDone={onChanged} />
      ) : null}
    </View>
  );
}
