import { Text, View } from '@tarojs/components';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { sharingApi } from '../../../services/sharing';
import { useLoad } from '../../../hooks/use-load';
import { AgreementCard } from '../../../components/sharing-agreement-card';
import '../../../styles/worker.css';

/**
 * 用工调剂 for 人社局 and the command: how many idle workers firms offer and how many hands they
 * ask for (still free of arrangements), and every arrangement with its terms. A view: the two firms
 * agree between themselves.
 */
export default function SharingOverviewPage() {
  const o = useLoad(() => sharingApi.overview());
  const d = o.data;
  return (
    <View className="w-page sharing-overview">
      <OfflineBanner onRetry={o.reload} />
      <PageState status={o.status} onRetry={o.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">用工调剂</Text>
              <Text className="w-line">
                富余可借出：{d.surplus.posts} 家次 {d.surplus.heads} 人，尚未约定 {d.surplus.free} 人
              </Text>
              <Text className="w-line">
                缺工求借用：{d.shortage.posts} 家次 {d.shortage.heads} 人，尚未约定 {d.shortage.free} 人
              </Text>
              <Text className="w-line">
                已约定 {d.agreements.agreed} 项共 {d.agreements.heads} 人 · 待确认 {d.agreements.proposed} 项
              </Text>
            </View>
            {d.items.length === 0 ? <Text className="w-muted">还没有调剂约定</Text> : null}
            {d.items.map((a) => (
              <AgreementCard key={a.id} agreement={a} />
            ))}
          </>
        ) : null}
      </PageState>
    </View>
  );
}
