import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Coverage } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { PageState } from '../../../components/page-state';
import { RegionPicker } from '../../../components/region-picker';
import { consoleApi } from '../../../services/console-api';
import { chinaDayOf } from '../../../services/format';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

const LAPSES = [7, 14, 30, 60].map((n) => ({ value: String(n), label: `${n} 天` }));

type Firm = Coverage['withoutStewardSample'][number];

function FirmRows(props: { firms: Firm[]; empty: string }) {
  if (props.firms.length === 0) return <Text className="w-muted">{props.empty}</Text>;
  return (
    <>
      {props.firms.map((f) => (
        <View key={f.enterpriseId} className="w-row">
          <Text className="w-line">{f.name}</Text>
          <Text className="w-muted">
            {f.stewardName ? `管家 ${f.stewardName}` : '无管家'} ·{' '}
            {f.lastVisitAt ? `最近走访 ${chinaDayOf(f.lastVisitAt)}` : '从未走访'}
          </Text>
        </View>
      ))}
    </>
  );
}

/**
 * 服务覆盖 (指挥部): how many firms have no steward and how many were not visited for N days (N
 * chosen here), for the whole city or one county, with the first of each list by name.
 */
export default function CoveragePage() {
  const [lapse, setLapse] = useState('14');
  const [regionCode, setRegionCode] = useState('');
  const view = useLoad(() => consoleApi.coverage({ regionCode: regionCode || undefined }, Number(lapse)));
  // A new choice loads again (the first load is useLoad's own, on mount).
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) view.reload();
    mounted.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload is stable; the choices are the trigger
  }, [lapse, regionCode]);
  const c = view.data;
  return (
    <View className="w-page console-coverage">
      <View className="w-card">
        <Text className="w-label">地区（不选为全市）</Text>
        <RegionPicker label="地区" value={regionCode} onChange={(code) => setRegionCode(code)} />
        <Text className="w-label">未走访天数</Text>
        <Chips options={LAPSES} value={lapse} onChange={setLapse} />
      </View>
      {!c ? (
        <PageState status={view.status} onRetry={view.reload} />
      ) : (
        <>
          <View className="w-card coverage__figures">
            <Text className="w-line">企业总数 {c.enterprises} 家</Text>
            <Text className="w-line coverage__without">无管家 {c.withoutSteward} 家</Text>
            <Text className="w-line coverage__lapsed">
              {c.lapseDays} 天未走访 {c.notVisited} 家
            </Text>
          </View>
          <View className="w-card">
            <Text className="w-card__title">无管家的企业</Text>
            <FirmRows firms={c.withoutStewardSample} empty="每家企业都有管家" />
          </View>
          <View className="w-card">
            <Text className="w-card__title">{c.lapseDays} 天未走访的企业</Text>
            <FirmRows firms={c.notVisitedSample} empty={`${c.lapseDays} 天内每家企业都已走访`} />
          </View>
        </>
      )}
    </View>
  );
}
