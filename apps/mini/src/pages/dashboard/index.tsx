import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { dashboardRoutes, type DashboardSummary } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState, statusForError, type PageStatus } from '../../components/page-state';
import { callRoute } from '../../services/call-route';
import { getSession } from '../../services/session-vault';
import { downloadReport } from '../../platform';
import { Filters, type PageFilter } from './filters';
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
  const [download, setDownload] = useState<string | null>(null);
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

  const exportXlsx = async () => {
    const token = getSession()?.token;
    if (!token || download) return;
    setDownload('正在生成…');
    try {
      await downloadReport(exportPath(filter), token, `复工日报-${data?.asOf ?? ''}.xlsx`, (bytes) =>
        setDownload(`已下载 ${Math.max(1, Math.round(bytes / 1024))} KB`),
      );
      setDownload(null);
      void Taro.showToast({ title: '日报已导出', icon: 'success' });
    } catch (err) {
      setDownload(null);
      void Taro.showToast({ title: (err as Error).message || '导出失败，请重试', icon: 'none' });
    }
  };

  return (
    <View className="dashboard">
      <OfflineBanner onRetry={load} />
      <View className="dashboard__head">
        <Text className="dashboard__title">复工复产指挥部 · {data?.asOf ?? ''}</Text>
        <Text className="dashboard__export" onClick={exportXlsx}>
          {download ?? '导出日报（Excel）'}
        </Text>
      </View>
      <Filters choices={data?.choices ?? null} value={filter} onChange={setFilter} />
      <PageState status={status} onRetry={load}>
        {data ? <Sections s={data} /> : <View />}
      </PageState>
    </View>
  );
}
