import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  type AssignmentPreview,
  type FirmFilter,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { PageState } from '../../../components/page-state';
import { RegionPicker } from '../../../components/region-picker';
import { consoleApi } from '../../../services/console-api';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
const SIZES: { value: EnterpriseSize; label: string }[] = ENTERPRISE_SIZES.map((s) => ({
  value: s,
  label: ENTERPRISE_SIZE_LABELS[s],
}));

/**
 * 批量指派管家 (指挥部): choose firms by county, industry and size, see how many match and how many
 * have no steward yet, then give them (or the first N) to one steward. The server assigns only
 * firms still without a steward, and audits the assignment.
 */
export default function AssignmentsPage() {
  const roster = useLoad(() => consoleApi.stewards());
  const [regionCode, setRegionCode] = useState('');
  const [industry, setIndustry] = useState('');
  const [size, setSize] = useState<EnterpriseSize | null>(null);
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const [stewardId, setStewardId] = useState<string | null>(null);
  const [limit, setLimit] = useState('');
  const [busy, setBusy] = useState(false);
  if (!roster.data) return <PageState status={roster.status} onRetry={roster.reload} />;

  const filter: FirmFilter = {
    regionCode: regionCode || undefined,
    industry: industry.trim() || undefined,
    size: size ?? undefined,
  };
  const changed = (apply: () => void) => {
    apply();
    setPreview(null); // a count of another filter would mislead
  };

  const runPreview = async () => {
    setBusy(true);
    try {
      setPreview(await consoleApi.previewAssignment(filter));
    } catch {
      // The request wrapper said why (e.g. 行政区划代码应为 6 位数字).
    } finally {
      setBusy(false);
    }
  };

  const assign = async () => {
    if (!stewardId) return;
    setBusy(true);
    try {
      const n = limit.trim() ? Number(limit) : undefined;
      const done = await consoleApi.bulkAssign({ filter, stewardId, limit: n });
      await Taro.showToast({ title: `已指派 ${done.assigned} 家`, icon: 'none' });
      setPreview(await consoleApi.previewAssignment(filter));
      roster.reload();
    } catch {
      // Shown by the request wrapper (一次最多指派 2000 家, 该人员不是复工管家).
    } finally {
      setBusy(false);
    }
  };

  const stewards = roster.data.items;
  return (
    <View className="w-page console-assignments">
      <View className="w-card">
        <Text className="w-card__title">筛选企业</Text>
        <Text className="w-label">所在县（市、区）</Text>
        <RegionPicker
          label="所在县（市、区）"
          value={regionCode}
          onChange={(c) => changed(() => setRegionCode(c))}
        />
        <Text className="w-label">行业（可不填）</Text>
        <Input
          name="industry"
          placeholder="如 光学仪器"
          maxLength={40}
          value={industry}
          onChange={(v) => changed(() => setIndustry(v))}
        />
        <Text className="w-label">规模</Text>
        <Chips options={SIZES} value={size} onChange={(v) => changed(() => setSize(size === v ? null : v))} />
        <Button type="default" loading={busy} disabled={busy} onClick={runPreview}>
          预览企业数
        </Button>
        {preview ? (
          <Text className="w-line assignments__preview">
            符合条件 {preview.matched} 家，其中尚无管家 {preview.withoutSteward} 家
          </Text>
        ) : null}
      </View>
      {preview ? (
        <View className="w-card">
          <Text className="w-card__title">指派给</Text>
          {stewards.length === 0 ? (
            <Text className="w-muted">还没有复工管家：先在「人员与角色」授予角色</Text>
          ) : null}
          <Chips
            options={stewards.map((s) => ({
              value: s.id,
              label: `${s.name ?? '未填写姓名'}（${s.enterprises} 家）`,
            }))}
            value={stewardId}
            onChange={setStewardId}
          />
          <Text className="w-label">本次指派数量（不填则全部 {preview.wouldAssign} 家）</Text>
          <Input
            name="limit"
            type="number"
            placeholder="如 20"
            maxLength={4}
            value={limit}
            onChange={setLimit}
          />
          <Button
            type="primary"
            loading={busy}
            disabled={busy || !stewardId || preview.withoutSteward === 0}
            onClick={assign}
          >
            指派
          </Button>
          <Text className="w-muted">只指派尚无管家的企业；指派记入审计日志</Text>
        </View>
      ) : null}
    </View>
  );
}
