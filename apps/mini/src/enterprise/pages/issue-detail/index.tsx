import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  ISSUE_CATEGORY_LABELS,
  ISSUE_STATE_LABELS,
  ISSUE_URGENCY_LABELS,
  departmentName,
} from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { api } from '../../../services/issue-api';
import { useLoad } from '../../../hooks/use-load';
import { Timeline } from '../../../components/timeline';
import { IssuePhotos } from '../../../components/issue-photos';
import { formatTime } from '../../../services/format';
import { ActionPanel } from './action-panel';
import '../../../styles/issue.css';

/** 问题详情: the issue, its deadlines, the whole timeline, and what the viewer may do next. */
export default function IssueDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: issue, status, reload, setData } = useLoad(() => api.issue(id));
  // Opened without an issue (a cut-off shared link): say so instead of reading one that is not there.
  if (!id) return <PageState status="error" title="缺少问题信息" description="请从问题列表进入" />;

  return (
    <View className="issue-detail">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload}>
        {issue ? (
          <View>
            <View className="card">
              <Text className="card__title">
                【{ISSUE_CATEGORY_LABELS[issue.category]}】{ISSUE_STATE_LABELS[issue.state]}
              </Text>
              <Text className="card__line">
                编号 {issue.number} · {issue.enterpriseName}
              </Text>
              <Text className="card__line">紧急程度：{ISSUE_URGENCY_LABELS[issue.urgency]}</Text>
              <Text className="card__line">{issue.description}</Text>
              {issue.departmentCode ? (
                <Text className="card__line">办理部门：{departmentName(issue.departmentCode)}</Text>
              ) : null}
              {issue.clocks.progress.dueAt && !issue.clocks.progress.metAt ? (
                <Text className={`card__line${issue.clocks.progress.overdue ? ' tag-warn' : ''}`}>
                  答复期限：{formatTime(issue.clocks.progress.dueAt)}
                  {issue.clocks.progress.overdue ? '（已超期）' : ''}
                </Text>
              ) : null}
              {issue.answer ? <Text className="card__line">答复：{issue.answer}</Text> : null}
              {issue.rating ? <Text className="card__line">评分：{issue.rating} 分</Text> : null}
            </View>
            <IssuePhotos issueId={issue.id} />
            <ActionPanel issue={issue} onChanged={setData} />
            <View className="card">
              <Text className="card__title">办理进程</Text>
              <Timeline events={issue.timeline} />
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
