import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FIRST_DAY, RISK_LABELS, RISK_LEVELS, type Region, type RiskLevel } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DateField } from '../../../components/date-field';
import { PageState } from '../../../components/page-state';
import { RegionPicker } from '../../../components/region-picker';
import { consoleApi } from '../../../services/console-api';
import { chinaToday } from '../../../services/format';
import { useLoad } from '../../../hooks/use-load';
import { RegionTree } from './region-tree';
import '../../../styles/worker.css';

const LEVELS = RISK_LEVELS.map((l) => ({ value: l, label: RISK_LABELS[l] }));

interface Draft {
  code: string;
  name: string;
  riskLevel: RiskLevel | null;
  effectiveFrom: string;
}

/**
 * 地区风险等级 (指挥部): each county's 低/中/高风险 and the day it took effect, with the reopening
 * strategy it calls for (seed 004 §1), and under each county the towns (乡镇、街道) given a level
 * of their own; a change applies to passes at once and is audited.
 */
export default function RegionsPage() {
  const today = chinaToday();
  const list = useLoad(() => consoleApi.regions());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  if (!list.data) return <PageState status={list.status} onRetry={list.reload} />;

  const edit = (r: Region) =>
    setDraft({ code: r.code, name: r.name, riskLevel: r.riskLevel, effectiveFrom: today });
  const save = async () => {
    if (!draft?.riskLevel) return;
    setBusy(true);
    try {
      await consoleApi.setRegionRisk(draft.code, {
        name: draft.name,
        riskLevel: draft.riskLevel,
        effectiveFrom: draft.effectiveFrom,
      });
      await Taro.showToast({ title: '已调整', icon: 'none' });
      setDraft(null);
      list.reload();
    } catch {
      // Shown by the request wrapper (生效日期不能晚于今天).
    } finally {
      setBusy(false);
    }
  };

  const regions = list.data.items;
  const pickFrom = (code: string, path: string[]) =>
    setDraft({
      code,
      name: path[path.length - 1] ?? code,
      riskLevel: regions.find((r) => r.code === code)?.riskLevel ?? null,
      effectiveFrom: today,
    });
  return (
    <View className="w-page console-regions">
      <View className="w-card">
        <Text className="w-label">调整或新增县（市、区）</Text>
        <RegionPicker
          label="县（市、区）"
          value={draft?.code.length === 6 ? draft.code : ''}
          onChange={pickFrom}
        />
        <Text className="w-label">调整或新增乡镇（街道）</Text>
        <RegionPicker
          label="乡镇（街道）"
          depth="town"
          value={draft?.code.length === 9 ? draft.code : ''}
          onChange={pickFrom}
        />
        {draft ? (
          <>
            <Text className="w-card__title">{draft.name}</Text>
            <Chips
              options={LEVELS}
              value={draft.riskLevel}
              onChange={(l) => setDraft({ ...draft, riskLevel: l })}
            />
            <Text className="w-label">生效日期</Text>
            <DateField
              label="生效日期"
              value={draft.effectiveFrom}
              onChange={(d) => setDraft({ ...draft, effectiveFrom: d })}
              start={FIRST_DAY}
              end={today}
            />
            <Button type="primary" loading={busy} disabled={busy || !draft.riskLevel} onClick={save}>
              保存风险等级
            </Button>
            <Text className="w-muted">调整即时作用于通行码，并记入审计日志</Text>
          </>
        ) : null}
      </View>
      <RegionTree items={regions} onEdit={edit} />
    </View>
  );
}
