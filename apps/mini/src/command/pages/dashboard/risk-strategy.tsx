import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { REOPENING_STRATEGY_LABELS, RISK_LABELS, type Region } from '@fugong/contracts';
import { workerApi } from '../../../services/worker-api';

/**
 * 分区复工策略: each county's risk level, the day it took effect and what seed 004 §1 says its
 * firms may do (低风险 全面复工, 中风险 按名单有序复工). Loads on its own and stays out of the way
 * when the table cannot be read: the figures above matter more.
 */
export function RiskStrategy() {
  const [regions, setRegions] = useState<Region[] | null>(null);
  useEffect(() => {
    let live = true;
    workerApi.regions().then(
      (r) => live && setRegions(r.items),
      () => live && setRegions(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!regions || regions.length === 0) return null;
  return (
    <View className="card dash-card risk-strategy">
      <Text className="dash-card__title">分区复工策略</Text>
      {regions.map((r) => (
        <View key={r.code} className="risk-strategy__row">
          <Text className="risk-strategy__name">
            {r.name} · {RISK_LABELS[r.riskLevel]}（{r.effectiveFrom} 起）
          </Text>
          <Text className="risk-strategy__text">{REOPENING_STRATEGY_LABELS[r.reopeningStrategy]}</Text>
        </View>
      ))}
    </View>
  );
}
