import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PROJECT_KIND_LABELS, PROJECT_LEVEL_LABELS, type Project, type SessionUser } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { ReportForm } from './report-form';
import { NeedPanel } from './need-panel';
import '../../../styles/worker.css';

/** 发改委, the command, or the project's own 代办负责人/联络员: they dispatch needs and convene 马上会办. */
export function steersProject(user: SessionUser, p: Project): boolean {
  return (
    user.roles.includes('admin') ||
    (user.roles.includes('officer') && user.departmentId === 'fgw') ||
    p.agent.id === user.id ||
    p.contact.id === user.id
  );
}

/** 项目详情: the 序时进度表 with late nodes flagged, this week's 周报, and the 项目服务清单. */
export default function ProjectDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSignedInUser();
  const project = useLoad(() => projectsApi.get(id));
  if (!id) return <PageState status="error" title="缺少项目信息" description="请从项目清单进入" />;
  const p = project.data;
  const liaison = !!user && !!p && user.roles.includes('liaison') && user.enterpriseId === p.enterpriseId;
  const staff = !!user && !!p && (p.agent.id === user.id || p.contact.id === user.id);
  return (
    <View className="w-page project-detail">
      <OfflineBanner onRetry={project.reload} />
      <PageState status={project.status} onRetry={project.reload}>
        {p && user ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">{p.name}</Text>
              <Text className="w-line">
                {PROJECT_LEVEL_LABELS[p.level]} · {PROJECT_KIND_LABELS[p.kind]} · 总投资 {p.investmentWan}{' '}
                万元
              </Text>
              <Text className="w-line">
                {p.resumed ? `已复工，在岗 ${p.workersOnSite} 人` : '未复工'}
                {p.lastReportWeek ? `（${p.lastReportWeek} 周报）` : '（尚未填报周报）'}
              </Text>
              <Text className="w-muted">
                代办负责人 {p.agent.name} · 联络员 {p.contact.name}
              </Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">序时进度表</Text>
              {p.milestones.map((m) => (
                <View key={m.id} className="w-row">
                  <Text className="w-row__title">{m.title}</Text>
                  {m.doneDate ? (
                    <Text className="w-badge">{m.doneDate} 完成</Text>
                  ) : m.late ? (
                    <Text className="w-badge w-badge--warn">滞后 {m.workingDaysLate} 个工作日</Text>
                  ) : null}
                  <Text className="w-muted">计划 {m.plannedDate}</Text>
                </View>
              ))}
            </View>
            {liaison || staff ? <ReportForm projectId={p.id} onDone={project.reload} /> : null}
            <NeedPanel project={p} steers={steersProject(user, p)} />
          </>
        ) : null}
      </PageState>
    </View>
  );
}
