import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { IssueRow } from '../../../components/issue-row';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { api } from '../../../services/issue-api';
import { renewSession } from '../../../services/request';
import { useLoad } from '../../../hooks/use-load';
import { formatTime } from '../../../services/format';
import { ApiError } from '../../../services/api-error';
import '../../../styles/issue.css';

/** A liaison whose account is not yet tied to a firm enters the invite code from the command. */
function BindEnterprise() {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const bind = async () => {
    try {
      await api.bind(code.trim());
      await renewSession();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '绑定失败，请重试');
    }
  };
  return (
    <View className="card">
      <Text className="card__title">绑定企业</Text>
      <Text className="card__line">请输入指挥部提供的 8 位企业邀请码</Text>
      <Input placeholder="企业邀请码" maxLength={8} value={code} onChange={setCode} />
      {error ? <Text className="field-error">{error}</Text> : null}
      <Button type="primary" block onClick={bind}>
        绑定
      </Button>
    </View>
  );
}

/** 企业首页 (liaison): today's report, open issues, charter requests, and the ways to add each. */
export default function EnterpriseHomePage() {
  const user = useSignedInUser();
  const enterpriseId = user?.enterpriseId ?? null;
  const { data, status, reload } = useLoad(async () => {
    if (!enterpriseId) return null;
    const [overview, issues, charters] = await Promise.all([
      api.overview(enterpriseId),
      api.issues({ open: 'true' }),
      api.charters(enterpriseId),
    ]);
    return { overview, issues: issues.items, charters: charters.items };
  });
  const firstFirm = useRef(enterpriseId);
  useEffect(() => {
    // Binding by invite code gives the session a firm while the page is open: load it then.
    if (enterpriseId && enterpriseId !== firstFirm.current) reload();
    firstFirm.current = enterpriseId;
  }, [enterpriseId, reload]);

  if (!user) return <PageState status="loading" />;
  if (!enterpriseId) return <BindEnterprise />;
  return (
    <View className="enterprise-home">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload}>
        {data ? (
          <View>
            <View className="card">
              <Text className="card__title">{data.overview.enterprise.name}</Text>
              <Text className="card__line">复工管家：{data.overview.stewardName ?? '尚未指派'}</Text>
              <Text className="card__line">
                最近走访：{data.overview.lastVisitAt ? formatTime(data.overview.lastVisitAt) : '尚未走访'}
              </Text>
              <Text className={`card__line${data.overview.todayReported ? '' : ' tag-warn'}`}>
                今日复工进度：{data.overview.todayReported ? '已填报' : '未填报'}
              </Text>
              <Button type="primary" block onClick={() => openPage(PAGES.report)}>
                {data.overview.todayReported ? '更正今日进度' : '填报今日进度'}
              </Button>
            </View>
            <View className="card">
              <Text className="card__title">待解决问题（{data.overview.openIssues}）</Text>
              {data.issues.length === 0 ? <Text className="card__line">暂无待解决问题</Text> : null}
              {data.issues.map((issue) => (
                <IssueRow key={issue.id} issue={issue} withReportedAt />
              ))}
              <Button
                type="primary"
                fill="outline"
                block
                onClick={() => openPage(PAGES.issueForm, { enterpriseId })}
              >
                申报问题
              </Button>
            </View>
            <View className="card">
              <Text className="card__title">包车需求</Text>
              {data.charters.length === 0 ? <Text className="card__line">还没有包车需求</Text> : null}
              {data.charters.map((c) => (
                <View key={c.id} className="row-item">
                  <Text className="row-item__title">
                    {c.originName} → 本企业 · {c.totalWorkers} 人
                  </Text>
                  <Text className="row-item__meta">
                    {c.earliestArrival} 至 {c.latestArrival} ·{' '}
                    {c.state === 'open'
                      ? '待安排'
                      : c.state === 'converted'
                        ? `已安排 ${c.tripIds.length} 个班次`
                        : '已撤回'}
                  </Text>
                </View>
              ))}
              <Button
                type="primary"
                fill="outline"
                block
                onClick={() => openPage(PAGES.charterForm, { enterpriseId })}
              >
                提交包车需求
              </Button>
              <Button type="primary" fill="outline" block onClick={() => openPage(PAGES.staffBooking)}>
                为员工订座（已发布的班次）
              </Button>
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
