import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Supplier } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { RegionName } from '../../../components/region-name';
import { api } from '../../../services/issue-api';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { CoordinateForm } from './coordinate-form';
import { SupplierForm } from './supplier-form';
import '../../../styles/worker.css';

const SOURCE_LABELS: Record<Supplier['statusSource'], string> = {
  registry: '据其复工申报',
  lead_firm: '据本企业了解',
  unknown: '',
};
const reopenedText = (s: Supplier) =>
  s.reopened === null ? '复工情况不明' : s.reopened ? '已复工' : '未复工';

/**
 * 核心配套供应商 of a lead firm: its liaison registers them; it and its steward watch which have
 * reopened (one that has not, or that nobody knows about, is a chain risk) and ask 工信局 to
 * coordinate. A steward serving several firms picks which firm's chain to look at.
 */
export default function SupplySuppliersPage() {
  const { params } = useRouter();
  const user = useSignedInUser();
  const ownFirm = user?.roles.includes('liaison') ? user.enterpriseId : null;
  const isSteward = Boolean(user?.roles.includes('steward'));
  const served = useLoad(() =>
    isSteward
      ? api.myEnterprises()
      : Promise.resolve({ items: [] as { enterpriseId: string; name: string }[] }),
  );
  const firms = [
    ...(ownFirm ? [{ value: ownFirm, label: '本企业' }] : []),
    ...(served.data?.items ?? [])
      .filter((f) => f.enterpriseId !== ownFirm)
      .map((f) => ({ value: f.enterpriseId, label: f.name })),
  ];
  const [picked, setPicked] = useState('');
  const leadId = params.enterpriseId || picked || firms[0]?.value || '';

  const list = useLoad(
    () => (leadId ? supplyApi.suppliers(leadId) : Promise.resolve({ items: [] as Supplier[] })),
    (d) => d.items.length === 0,
  );
  // The page's first load comes from useLoad; this only follows a later change of firm.
  const shownFor = useRef(leadId);
  const { reload } = list;
  useEffect(() => {
    if (leadId === shownFor.current) return;
    shownFor.current = leadId;
    reload();
  }, [leadId, reload]);

  // Only the lead firm's own liaison registers suppliers (the server refuses anyone else).
  const mayAdd = Boolean(ownFirm) && leadId === ownFirm;
  const atRisk = list.data?.items.filter((s) => s.chainRisk).length ?? 0;

  return (
    <View className="w-page supply-suppliers">
      <OfflineBanner onRetry={list.reload} />
      {!params.enterpriseId && firms.length > 1 ? (
        <View className="w-card">
          <Text className="w-label">查看哪家企业的产业链</Text>
          <Chips options={firms} value={leadId} onChange={setPicked} />
        </View>
      ) : null}
      {mayAdd ? <SupplierForm onAdded={list.reload} /> : null}
      {!leadId && served.status !== 'loading' ? (
        <PageState
          status="empty"
          title="没有可查看的企业"
          description="绑定所属企业或由指挥部指派服务企业后可用"
        />
      ) : (
        <PageState status={list.status} onRetry={list.reload} emptyTitle="还没有登记核心配套供应商">
          {atRisk > 0 ? (
            <Text className="w-warn">{atRisk} 家核心配套供应商未复工或情况不明，存在产业链风险</Text>
          ) : null}
          {list.data?.items.map((s) => (
            <View key={s.id} className="w-card supplier">
              <Text className="w-card__title">{s.name}</Text>
              <RegionName className="w-muted" code={s.regionCode} />
              <Text className="w-line">配套：{s.supplies}</Text>
              <Text className="w-line">
                {reopenedText(s)}
                {SOURCE_LABELS[s.statusSource] ? `（${SOURCE_LABELS[s.statusSource]}）` : ''}
              </Text>
              {s.chainRisk ? <Text className="w-badge w-badge--warn">产业链风险</Text> : null}
              {s.coordinationIssueId ? (
                <Text className="w-muted">已请工信局协调</Text>
              ) : (
                <CoordinateForm supplier={s} onSent={list.reload} />
              )}
            </View>
          ))}
        </PageState>
      )}
    </View>
  );
}
