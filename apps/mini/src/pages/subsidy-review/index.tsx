import { View } from '@tarojs/components';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { useLoad } from '../../hooks/use-load';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { ListCard } from './list-card';
import { ledPolicies, RunForm } from './run-form';
import '../../styles/issue.css';
import './index.css';

/**
 * 免申即享审核 for officials: the lead department (人社局, 交通局 for charters) computes a list from
 * the facts held, then reviews it firm by firm (剔除 with a reason), approves, publishes (公示) and
 * decides objections; other departments (财政局) see the lists of the policies they pay. The server
 * scopes every list to the officer's department. Imports are spreadsheets from the 社保 system and
 * go through the API from a desk, not from a phone.
 */
export default function SubsidyReviewPage() {
  const user = useSignedInUser();
  const { data, status, reload } = useLoad(
    () => subsidies.lists(),
    (d) => d.items.length === 0,
  );
  const policies = ledPolicies(user?.departmentId ?? null);
  return (
    <View className="subsidy-review">
      <OfflineBanner onRetry={reload} />
      {policies.length > 0 ? <RunForm policies={policies} onRan={reload} /> : null}
      <PageState status={status} onRetry={reload} title={status === 'empty' ? '暂无享受名单' : undefined}>
        {(data?.items ?? []).map((list) => (
          <ListCard key={list.id} list={list} onChanged={reload} />
        ))}
      </PageState>
    </View>
  );
}
