import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PROJECT_LEVEL_LABELS, type ProjectLevel } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { PAGES, openPage } from '../../../navigation';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

const pct = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((n / of) * 1000) / 10}%`);

/** 指挥部's key-project figures: resumed by level and region, late nodes, the 服务清单's backlog. */
export default function ProjectFiguresPage() {
  const f = useLoad(() => projectsApi.figures());
  const d = f.data;
  return (
    <View className="w-page project-figures">
      <OfflineBanner onRetry={f.reload} />
      <PageState status={f.status} onRetry={f.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">重点项目复工</Text>
              <Text className="w-line">
                共 {d.projects} 个，已复工 {d.resumed} 个（复工率 {pct(d.resumed, d.projects)}）
              </Text>
              {d.byLevel.map((r) => (
                <Text key={r.key} className="w-line">
                  {PROJECT_LEVEL_LABELS[r.key as ProjectLevel] ?? r.key}：{r.resumed}/{r.total}（
                  {pct(r.resumed, r.total)}）
                </Text>
              ))}
              {d.byRegion.map((r) => (
                <Text key={r.key} className="w-muted">
                  区划 {r.key}：{r.resumed}/{r.total}
                </Text>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">进度与服务清单</Text>
              <Text className={d.milestonesLate > 0 ? 'w-warn' : 'w-line'}>
                进度节点滞后：{d.milestonesLate} 个
              </Text>
              <Text className="w-line">
                待处理需求：{d.needsOpen} 项，其中超时未派单 {d.needsOverdue} 项
              </Text>
              <Text className={d.actionItemsOverdue > 0 ? 'w-warn' : 'w-line'}>
                会办任务未办结：{d.actionItemsOpen} 项，其中超期 {d.actionItemsOverdue} 项
              </Text>
            </View>
            <View className="w-actions">
              <Button type="primary" block onClick={() => openPage(PAGES.projectList)}>
                查看项目清单
              </Button>
              <Button block onClick={() => openPage(PAGES.projectActions)}>
                会办任务
              </Button>
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
