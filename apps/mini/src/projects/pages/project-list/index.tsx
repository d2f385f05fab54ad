import { Text, View } from '@tarojs/components';
import { PROJECT_KIND_LABELS, PROJECT_LEVEL_LABELS } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { PAGES, openPage } from '../../../navigation';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 重点项目: a liaison sees its firm's projects, a 代办负责人/联络员 the ones they serve, 发改委 and the
 * command the whole registry. Each row says whether it has resumed and how many nodes are late.
 */
export default function ProjectListPage() {
  const projects = useLoad(
    () => projectsApi.list(),
    (d) => d.items.length === 0,
  );
  return (
    <View className="w-page project-list">
      <OfflineBanner onRetry={projects.reload} />
      <PageState status={projects.status} onRetry={projects.reload} emptyTitle="暂无重点项目">
        <View className="w-card">
          {(projects.data?.items ?? []).map((p) => (
            <View key={p.id} className="w-row" onClick={() => openPage(PAGES.projectDetail, { id: p.id })}>
              <Text className="w-row__title">{p.name}</Text>
              <Text className={`w-badge${p.resumed ? '' : ' w-badge--warn'}`}>
                {p.resumed ? '已复工' : '未复工'}
              </Text>
              {p.lateMilestones > 0 ? (
                <Text className="w-badge w-badge--warn">{p.lateMilestones} 个节点滞后</Text>
              ) : null}
              <Text className="w-line">
                {PROJECT_LEVEL_LABELS[p.level]} · {PROJECT_KIND_LABELS[p.kind]} · 总投资 {p.investmentWan}{' '}
                万元
              </Text>
              <Text className="w-muted">
                {p.enterpriseName} · 代办负责人 {p.agent.name} · 联络员 {p.contact.name}
              </Text>
            </View>
          ))}
        </View>
      </PageState>
    </View>
  );
}
