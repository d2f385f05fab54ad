import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SUBSIDY_LIST_STATUS_LABELS, type SubsidyList } from '@fugong/contracts';
import { formatYuan } from '@fugong/domain';
import { subsidies } from '../../services/subsidies';
import { ListItems } from './list-items';

/**
 * One list with its totals, what changed since the last 公示, and the next step 人社局 may take;
 * 查看明细 opens its firms for review (剔除, 异议).
 */
export function ListCard({ list, onChanged }: { list: SubsidyList; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const step =
    list.status === 'draft'
      ? { label: '审核通过', run: () => subsidies.approve(list.id) }
      : list.status === 'approved'
        ? { label: '公示', run: () => subsidies.publish(list.id) }
        : null;
  const act = async () => {
    if (!step) return;
    await step.run();
    void Taro.showToast({ title: `已${step.label}`, icon: 'success' });
    onChanged();
  };
  const diff = list.diff;
  return (
    <View className="card">
      <Text className="card__title">
        {list.policyLabel} · {list.period} 年
      </Text>
      <Text className="row-item__meta">
        {SUBSIDY_LIST_STATUS_LABELS[list.status]} · {list.count} 家 · 合计 {formatYuan(list.totalFen)}
      </Text>
      {diff ? (
        <Text className="row-item__meta">
          较上次公示：新增 {diff.added.length} 家，减少 {diff.removed.length} 家，金额变化{' '}
          {diff.changed.length} 家
          {diff.changed.some((c) => c.alreadyInLedger) ? '（已入支付台账的不会重复支付）' : ''}
        </Text>
      ) : null}
      <View className="subsidy-review__buttons">
        <Button onClick={() => setOpen(!open)}>{open ? '收起明细' : '查看明细'}</Button>
        {step ? (
          <Button type="primary" onClick={act}>
            {step.label}
          </Button>
        ) : null}
      </View>
      {open ? <ListItems list={list} onChanged={onChanged} /> : null}
    </View>
  );
}
