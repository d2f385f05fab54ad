import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { IssueRow } from '../../../components/issue-row';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { api } from '../../../services/issue-api';
import { useLoad } from '../../../hooks/use-load';
import { formatTime } from '../../../services/format';
import '../../../styles/issue.css';

/** 企业详情 (steward): the firm, its recent visits and open issues, and the way to log a visit. */
export default function StewardEnterprisePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, status, reload } = useLoad(async () => {
    const [overview, visits, issues] = await Promise.all([
      api.overview(id),
      api.visits(id),
      api.issues({ enterpriseId: id, open: 'true' }),
    ]);
    return { overview, visits: visits.items, issues: issues.items };
  });
  return (
    <View className="steward-enterprise">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload}>
        {data ? (
          <View>
            <View className="card">
              <Text className="card__title">{data.overview.enterprise.name}</Text>
              <Text className="card__line">{data.overview.enterprise.address}</Text>
              <Text className="card__line">
                职工 {data.overview.enterprise.headcount} 人 · 今日进度
                {data.overview.todayReported ? '已报' : '未报'}
              </Text>
            </View>
            <View className="actions">
              <Button type="primary" block onClick={() => openPage(PAGES.visitForm, { enterpriseId: id })}>
                记录走访
              </Button>
              <Button fill="outline" block onClick={() => openPage(PAGES.issueForm, { enterpriseId: id })}>
                代企业申报问题
              </Button>
            </View>
            <View className="card">
              <Text className="card__title">待解决问题</Text>
              {data.issues.length === 0 ? <Text className="card__line">暂无</Text> : null}
              {data.issues.map((i) => (
                <IssueRow key={i.id} issue={i} />
              ))}
            </View>
            <View className="card">
              <Text className="card__title">走访记录</Text>
              {data.visits.length === 0 ? <Text className="card__line">尚未走访</Text> : null}
              {data.visits.map((v) => (
                <View key={v.id} className="row-item">
                  <Text className="row-item__title">
                    {formatTime(v.visitedAt)} · {v.place}
                  </Text>
                  <Text className="row-item__meta">
                    不达标 {v.checklist.filter((c) => c.status === 'not_met').length} 项 · 发现问题{' '}
                    {v.issueIds.length} 个
                  </Text>
                </View>
              ))}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
