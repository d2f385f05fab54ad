import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { shortTime } from '../../../components/freight-pass-card';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { DecisionForm } from './decision-form';
import '../../../styles/worker.css';

/** 马上会办: who was convened, what was decided, and each department's task with its deadline. */
export default function ProjectSessionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSignedInUser();
  const session = useLoad(() => projectsApi.session(id));
  if (!id) return <PageState status="error" title="缺少会办信息" description="请从项目服务清单进入" />;
  const s = session.data;
  // Officers of the convened departments read; whoever convened (project staff, 发改委) records.
  const records =
    !!user && (user.roles.includes('steward') || user.roles.includes('admin') || user.departmentId === 'fgw');
  return (
    <View className="w-page project-session">
      <OfflineBanner onRetry={session.reload} />
      <PageState status={session.status} onRetry={session.reload}>
        {s ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">{s.topic}</Text>
              <Text className={`w-badge${s.status === 'closed' ? '' : ' w-badge--warn'}`}>
                {s.status === 'closed' ? '已办结' : '会办中'}
              </Text>
              <Text className="w-line">{s.projectName}</Text>
              <Text className="w-muted">参会部门：{s.departments.map((d) => d.name).join('、')}</Text>
            </View>
            <View className="w-card">
              <Text className="w-card__title">会办决定</Text>
              {s.decisions.length === 0 ? <Text className="w-muted">尚未记录决定</Text> : null}
              {s.decisions.map((d) => (
                <Text key={d.at} className="w-line">
                  {shortTime(d.at)}：{d.text}
                </Text>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">任务分解</Text>
              {s.actionItems.map((i) => (
                <View key={i.id} className="w-row">
                  <Text className="w-row__title">
                    {i.departmentName}：{i.task}
                  </Text>
                  <Text className={`w-badge${i.state === 'closed' ? '' : ' w-badge--warn'}`}>
                    {i.state === 'closed' ? '已办结' : '办理中'}
                  </Text>
                  {i.overdue ? <Text className="w-badge w-badge--warn">已超期</Text> : null}
                  <Text className="w-muted">
                    期限 {shortTime(i.dueAt)}
                    {i.closingNote ? ` · ${i.closingNote}` : ''}
                  </Text>
                </View>
              ))}
            </View>
            {records && s.status === 'open' ? <DecisionForm session={s} onDone={session.setData} /> : null}
          </>
        ) : null}
      </PageState>
    </View>
  );
}
