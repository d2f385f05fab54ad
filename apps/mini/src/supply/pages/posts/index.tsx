import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { POST_SIDE_LABELS, SUPPLY_CATEGORY_LABELS } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 供需信息: what the firm has posted, each with the way to its matches. The firm's own contact is
 * shown (masked) so the liaison can check who the other side will reach once a match is confirmed.
 */
export default function SupplyPostsPage() {
  const list = useLoad(
    () => supplyApi.posts(),
    (d) => d.items.length === 0,
  );
  const post = () => openPage(PAGES.supplyPostForm);
  return (
    <View className="w-page supply-posts">
      <OfflineBanner onRetry={list.reload} />
      <View className="w-actions">
        <Button type="primary" block onClick={post}>
          发布供需
        </Button>
        <Button block onClick={() => openPage(PAGES.supplyMatches)}>
          我的对接
        </Button>
      </View>
      <PageState
        status={list.status}
        onRetry={list.reload}
        title={list.status === 'empty' ? '还没有发布供需信息' : undefined}
        description={list.status === 'empty' ? '发布后按类别和距离为您找到对方' : undefined}
      >
        {list.data?.items.map((p) => (
          <View key={p.id} className="w-card">
            <Text className="w-card__title">
              【{POST_SIDE_LABELS[p.side]}】{p.title}
            </Text>
            <Text className="w-line">
              {SUPPLY_CATEGORY_LABELS[p.category]} · {p.quantity} {p.unit}
            </Text>
            <Text className="w-line">
              {p.availableFrom} 至 {p.availableUntil}
              {p.status === 'closed' ? ' · 已关闭' : ''}
            </Text>
            {p.contact ? (
              <Text className="w-muted">
                联系人 {p.contact.name} {p.contact.phone}
              </Text>
            ) : null}
            {p.status === 'open' ? (
              <Button block onClick={() => openPage(PAGES.supplyCandidates, { postId: p.id })}>
                查看匹配
              </Button>
            ) : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
