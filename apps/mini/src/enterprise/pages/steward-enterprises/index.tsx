import { Text, View } from '@tarojs/components';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { api } from '../../../services/issue-api';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/issue.css';

/** 我的企业 (steward): the firms they serve, the one that needs them most on top, with why. */
export default function StewardEnterprisesPage() {
  const { data, status, reload } = useLoad(
    () => api.myEnterprises(),
    (d) => d.items.length === 0,
  );
  return (
    <View className="steward-enterprises">
      <OfflineBanner onRetry={reload} />
      <PageState
        status={status}
        onRetry={reload}
        emptyTitle="暂无服务企业"
        emptyDescription="指挥部指派后会显示在这里"
      >
        <View className="card">
          {(data?.items ?? []).map((e) => (
            <View
              key={e.enterpriseId}
              className="row-item steward-enterprises__item"
              onClick={() => openPage(PAGES.stewardEnterprise, { id: e.enterpriseId })}
            >
              <Text className="row-item__title">{e.name}</Text>
              <Text className={`row-item__meta${e.reasons.length ? ' tag-warn' : ''}`}>
                {e.reasons.length ? e.reasons.join(' · ') : '情况正常'}
              </Text>
              <Text className="row-item__meta">
                {e.daysSinceVisit === null ? '尚未走访' : `${e.daysSinceVisit} 天前走访`} · 待解决问题{' '}
                {e.openIssues}
              </Text>
            </View>
          ))}
        </View>
      </PageState>
    </View>
  );
}
