import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { dashboardRoutes, type DashboardSummary } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState, statusForError, type PageStatus } from '../../../components/page-state';
import { callRoute } from '../../../services/call-route';
import { download } from '../../../services/download';
import { useDownload } from '../../../hooks/use-download';
import { Filters, type PageFilter } from './filters';
import { RiskStrategy } from './risk-strategy';
import { Sections } from './sections';
import './index.css';

/** The export path for the current filters (the same filters the page shows). */
export function exportPath(f: PageFilter): string {
  const q = new URLSearchParams({ format: 'xlsx' });
  if (f.region) q.set('region', f.region);
  if (f.size) q.set('size', f.size);
  return `${dashboardRoutes.export.path}?${q.toString()}`;
}

/** 指挥大屏 (command): reopening, transport, issues, stewards and health, filterable, with the daily-report export. */
export default function DashboardPage() {
  const [filter, setFilter] = useState<PageFilter>({});
  const [data, setData] = useState<DashboardSummary | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const { progress, start } = useDownload();
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    callRoute(
      dashboardRoutes.summary,
      { query: { region: filter.region, size: filter.size } },
      { silent: true },
    ).then(
      (s) => {
        if (mine !== seq.current) return;
        setData(s);
        setStatus('ready');
      },
      (err: unknown) => {
        if (mine === seq.current && !data) setStatus(statusForError(err));
      },
    );
    // `data` only decides whether an error replaces the screen; reloading on it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);
  useEffect(load, [load]);

  const exportXlsx = () =>
    start(
      (onProgress) => download(exportPath(filter), `复工日报-${data?.asOf ?? ''}.xlsx`, onProgress),
      '日报已导出',
    );

  return (
    <View className="dashboard">
      <OfflineBanner onRetry={load} />
      <View className="dashboard__head">
        <Text className="dashboard__title">复工复产指挥部 · {data?.asOf ?? ''}</Text>
        <Text className="dashboard__export" onClick={exportXlsx}>
          {progress ?? '导出日报（Excel）'}
        </Text>
      </View>
      <Filters choices={data?.choices ?? null} value={filter} onChange={setFilter} />
      <PageState status={status} onRetry={load}>
        {data ? <Sections s={data} /> : <View />}
      </PageState>
      <RiskStrategy />
    </View>
  );
}
