import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { openPage } from '../../navigation';
import { FREIGHT_PAGES, freightApi } from '../../services/freight';
import { useLoad } from '../../hooks/use-load';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { FreightPassCard } from '../../components/freight-pass-card';
import '../../styles/worker.css';

/** The liaison's passes: what was approved at once, what waits for review, what was revoked. */
export default function FreightPassesPage() {
  const user = useSignedInUser();
  const passes = useLoad(
    () => freightApi.list(),
    (d) => d.items.length === 0,
  );
  if (!user) return <PageState status="loading" />;
  return (
    <View className="w-page freight-passes">
      <OfflineBanner onRetry={passes.reload} />
      <View className="w-actions">
        <Button type="primary" block onClick={() => openPage(FREIGHT_PAGES.apply)}>
          申请货车通行证
        </Button>
      </View>
      <PageState status={passes.status} onRetry={passes.reload} emptyTitle="还没有通行证">
        <View className="w-card">
          <Text className="w-muted">驾驶员凭申请时填写的手机号登录，在“我的货车通行证”出示二维码。</Text>
          {(passes.data?.items ?? []).map((p) => (
            <FreightPassCard key={p.id} pass={p} />
          ))}
        </View>
      </PageState>
    </View>
  );
}
