import { View } from '@tarojs/components';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { useLoad } from '../../hooks/use-load';
import { ListCard } from './list-card';
import '../../styles/issue.css';

/**
 * 免申即享审核 for officials: the lists of their department's policies (the server scopes them),
 * newest first, with approve and publish. Exclusions, objections and payments are decided on the
 * list detail the BFF serves; this page is the officer's phone view of where each list stands.
 */
export default function SubsidyReviewPage() {
  const { data, status, reload } = useLoad(
    () => subsidies.lists(),
    (d) => d.items.length === 0,
  );
  return (
    <View className="subsidy-review">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload} title={status === 'empty' ? '暂无享受名单' : undefined}>
        {(data?.items ?? []).map((list) => (
          <ListCard key={list.id} list={list} onChanged={reload} />
        ))}
      </PageState>
    </View>
  );
}
