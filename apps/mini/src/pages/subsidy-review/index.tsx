import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { policiesLedBy } from '@fugong/contracts';
import { openPage, PAGES } from '../../navigation';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { subsidies } from '../../services/subsidies';
import { useLoad } from '../../hooks/use-load';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { ListCard } from './list-card';
import { RunForm } from './run-form';
import '../../styles/issue.css';
import './index.css';

/**
 * 免申即享审核 for officials: the lead department (人社局, 交通局 for charters) computes a list from
 * the facts held, then reviews it firm by firm (剔除 with a reason), approves, publishes (公示) and
 * decides objections; other departments (财政局) see the lists of the policies they pay. The server
 * scopes every list to the officer's department. The facts a run reads (参保花名册 and the rest) are
 * imported on their own page, which the lead department opens from here.
 */
export default function SubsidyReviewPage() {
  const user = useSignedInUser();
  const { data, status, reload } = useLoad(
    () => subsidies.lists(),
    (d) => d.items.length === 0,
  );
  const policies = policiesLedBy(user?.departmentId ?? null);
  return (
    <View className="subsidy-review">
      <OfflineBanner onRetry={reload} />
      {policies.length > 0 ? (
        <>
          <Button onClick={() => openPage(PAGES.subsidyImport)}>导入花名册等数据</Button>
          <RunForm policies={policies} onRan={reload} />
        </>
      ) : null}
      <PageState status={status} onRetry={reload} emptyTitle="暂无享受名单">
        {(data?.items ?? []).map((list) => (
          <ListCard key={list.id} list={list} onChanged={reload} />
        ))}
      </PageState>
    </View>
  );
}
