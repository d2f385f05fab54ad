import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { POST_SIDE_LABELS, SUPPLY_CATEGORY_LABELS, type SupplyPost } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 供需信息: what the firm has posted, each with the way to its matches. The firm's own contact is
 * shown (masked) so the liaison can check who the other side will reach once a match is confirmed.
 * 关闭 (after a confirmation) takes a post that is no longer needed out of matching; the other side
 * of each pending match is told why it ended.
 */
export default function SupplyPostsPage() {
  const list = useLoad(
    () => supplyApi.posts(),
    (d) => d.items.length === 0,
  );
  const post = () => openPage(PAGES.supplyPostForm);
  const close = async (p: SupplyPost) => {
    const ok = await Taro.showModal({
      title: '关闭供需',
      content: `关闭后「${p.title}」不再参与匹配，待确认的对接将结束（已对接的不受影响）。确定关闭？`,
    });
    if (!ok.confirm) return;
    try {
      const res = await supplyApi.close(p.id, { silent: true });
      void Taro.showToast({
        title: res.matchesEnded ? `已关闭，${res.matchesEnded} 条待确认对接已结束` : '已关闭',
        icon: 'none',
      });
      list.reload();
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
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
        emptyTitle="还没有发布供需信息"
        emptyDescription="发布后按类别和距离为您找到对方"
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
              <>
                <Button block onClick={() => openPage(PAGES.supplyCandidates, { postId: p.id })}>
                  查看匹配
                </Button>
                <Button block onClick={() => void close(p)}>
                  关闭
                </Button>
              </>
            ) : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
