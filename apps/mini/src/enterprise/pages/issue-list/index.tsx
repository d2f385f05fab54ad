import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ISSUE_CATEGORY_LABELS, ISSUE_STATE_LABELS, departmentName } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { Countdown } from '../../../components/countdown';
import { openPage, PAGES } from '../../../navigation';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { api } from '../../../services/issue-api';
import { Chips } from '../../../components/chips';
import { useLoad } from '../../../hooks/use-load';
import { formatTime } from '../../../services/format';
import '../../../styles/issue.css';

/**
 * 问题列表 for every role, as the server scopes it: a liaison's firm, a steward's firms, an
 * officer's department queue (soonest deadline first), the command's all.
 */
export default function IssueListPage() {
  const user = useSignedInUser();
  const [open, setOpen] = useState<'true' | 'false'>('true');
  const { data, status, reload } = useLoad(
    () => api.issues({ open }),
    (d) => d.items.length === 0,
  );
  const mounted = useRef(false);
  useEffect(() => {
    // The first load comes from the page showing; later ones from switching the filter.
    if (mounted.current) reload();
    mounted.current = true;
  }, [open, reload]);
  if (!user) return <PageState status="loading" />;
  const officer = user.roles.includes('officer');
  // A liaison files for their own firm; the list is where they look for the way to do it.
  const fileNew =
    user.roles.includes('liaison') && user.enterpriseId
      ? {
          label: '申报新问题',
          onClick: () => openPage(PAGES.issueForm, { enterpriseId: user.enterpriseId! }),
        }
      : undefined;

  return (
    <View className="issue-list">
      <OfflineBanner onRetry={reload} />
      <View className="card">
        <Text className="card__title">
          {officer && user.departmentId ? `${departmentName(user.departmentId)}待办` : '问题'}
        </Text>
        <Chips
          options={[
            { value: 'true', label: '办理中' },
            { value: 'false', label: '已办结' },
          ]}
          value={open}
          onChange={setOpen}
        />
        {fileNew ? (
          <Button type="primary" block onClick={fileNew.onClick}>
            {fileNew.label}
          </Button>
        ) : null}
      </View>
      <PageState
        status={status}
        onRetry={reload}
        action={fileNew}
        emptyTitle="暂无问题"
        emptyDescription={fileNew ? '遇到缺工、缺料、物流等困难，可在这里申报' : undefined}
      >
        <View className="card">
          {(data?.items ?? []).map((issue) => (
            <View
              key={issue.id}
              className="row-item"
              onClick={() => openPage(PAGES.issueDetail, { id: issue.id })}
            >
              <Text className="row-item__title">
                【{ISSUE_CATEGORY_LABELS[issue.category]}】{issue.enterpriseName}
              </Text>
              <Text className="row-item__meta">{issue.description}</Text>
              <Text
                className={`row-item__meta${issue.clocks.progress.overdue || issue.escalated ? ' tag-warn' : ''}`}
              >
                {ISSUE_STATE_LABELS[issue.state]}
                {issue.clocks.progress.dueAt && !issue.clocks.progress.metAt ? (
                  <>
                    {` · 限 ${formatTime(issue.clocks.progress.dueAt)} · `}
                    <Countdown to={issue.clocks.progress.dueAt} prefix="距截止" />
                  </>
                ) : (
                  ''
                )}
                {issue.escalated ? ' · 已督办' : ''}
              </Text>
            </View>
          ))}
        </View>
      </PageState>
    </View>
  );
}
