import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { labourRoutes } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { downloadRoute } from '../../../services/download';
import { chinaToday } from '../../../services/format';
import { labourApi } from '../../../services/labour';
import { useDownload } from '../../../hooks/use-download';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

const SIZE_LABELS: Record<string, string> = { above: '规上', below: '规下', '': '未登记规模' };

/** 用工缺口 for 人社局 and the command: open places, the flow from 投递 to 到岗, who lacks staff most. */
export default function LabourFiguresPage() {
  const f = useLoad(() => labourApi.figures());
  const d = f.data;
  const { progress, start } = useDownload();
  const exportXlsx = () =>
    start(
      (onProgress) =>
        downloadRoute(labourRoutes.figuresExport, {}, `用工缺口-${chinaToday()}.xlsx`, onProgress),
      '用工缺口已导出',
    );
  const gap = d ? d.vacancies.headcount - d.vacancies.filled : 0;
  return (
    <View className="w-page labour-figures">
      <OfflineBanner onRetry={f.reload} />
      <PageState status={f.status} onRetry={f.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">用工缺口</Text>
              <Text className="w-line">
                在招岗位 {d.vacancies.open} 个，缺口 {gap} 人（计划招 {d.vacancies.headcount} 人，已录用{' '}
                {d.vacancies.filled} 人）
              </Text>
              {d.vacancies.stale > 0 ? (
                <Text className="w-warn">{d.vacancies.stale} 个岗位超过 7 天未确认，已对求职者隐藏</Text>
              ) : null}
              <Text className="w-line">
                重点企业 {d.keyFirms.firms} 家在招，其中 {d.keyFirms.lacking} 家缺工共 {d.keyFirms.gap} 人
              </Text>
              <Text className="w-line">
                求职登记 {d.seekers} 人 · 投递 {d.applications} · 录用 {d.offers} · 定岗 {d.hires} · 到岗{' '}
                {d.arrivals}
              </Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">缺工企业排行</Text>
              {d.shortage.length === 0 ? <Text className="w-muted">暂无缺工企业</Text> : null}
              {d.shortage.map((s, i) => (
                <Text key={s.enterpriseId} className="w-line">
                  {i + 1}. {s.enterpriseName}（{s.key ? '重点企业 · ' : ''}
                  {SIZE_LABELS[s.size] ?? s.size}
                  {s.industry ? ` · ${s.industry}` : ''}）缺 {s.gap} 人
                </Text>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">按行业</Text>
              {d.byIndustry.map((g) => (
                <Text key={g.industry} className="w-line">
                  {g.industry}：缺 {g.headcount - g.filled} 人，投递 {g.applications}
                </Text>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">按规模</Text>
              {d.bySize.map((g) => (
                <Text key={g.size} className="w-line">
                  {SIZE_LABELS[g.size] ?? g.size}：{g.firms} 家企业在招，缺 {g.headcount - g.filled} 人
                </Text>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">按地区</Text>
              {d.byRegion.map((g) => (
                <Text key={g.regionCode} className="w-line">
                  {g.regionName || `区划 ${g.regionCode}`}：缺 {g.headcount - g.filled} 人，投递{' '}
                  {g.applications}
                </Text>
              ))}
            </View>
            <View className="w-actions">
              <Button block onClick={() => void exportXlsx()}>
                {progress ?? '导出用工缺口（Excel）'}
              </Button>
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
