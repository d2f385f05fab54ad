import { Text, View } from '@tarojs/components';
import { ISSUE_CATEGORY_LABELS, ISSUE_STATE_LABELS, type Issue } from '@fugong/contracts';
import { openPage, PAGES } from '../../navigation';
import { formatTime } from '../../services/format';
import '../../styles/issue.css';

/**
 * One of a firm's open issues in a list (the liaison's 复工进度, the steward's 企业详情): 【类别】 and
 * what was reported, its state; a tap opens the issue.
 */
export function IssueRow(props: {
  issue: Pick<Issue, 'id' | 'category' | 'description' | 'state' | 'reportedAt'>;
  /** Also when it was reported (the liaison follows their own reports by date). */
  withReportedAt?: boolean;
}) {
  const { issue } = props;
  return (
    <View className="row-item" onClick={() => openPage(PAGES.issueDetail, { id: issue.id })}>
      <Text className="row-item__title">
        【{ISSUE_CATEGORY_LABELS[issue.category]}】{issue.description}
      </Text>
      <Text className="row-item__meta">
        {ISSUE_STATE_LABELS[issue.state]}
        {props.withReportedAt ? ` · ${formatTime(issue.reportedAt)}` : ''}
      </Text>
    </View>
  );
}
