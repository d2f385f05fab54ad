import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { POST_SIDE_LABELS, SUPPLY_CATEGORY_LABELS, type SupplyPost } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/** Both ends count: 03-01 to 03-01 is one day. */
const daysOf = (from: string, until: string) =>
  Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000) + 1;

/**
 * 匹配: the other side's open posts in the same category for one of the firm's posts, nearest
 * first (the server's order). No contact here: it is shared only once both sides confirm.
 */
export default function SupplyCandidatesPage() {
  const { params } = useRouter();
  const postId = params.postId || '';
  const page = useLoad(
    async () => {
      const [own, found] = await Promise.all([supplyApi.posts(), supplyApi.candidates(postId)]);
      return { mine: own.items.find((p) => p.id === postId) ?? null, items: found.items };
    },
    (d) => d.items.length === 0,
  );
  // Per candidate: sent, or the server's reason for refusing (already proposed, expired…).
  const [sent, setSent] = useState<Record<string, true>>({});
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState('');
  const mine = page.data?.mine;

  const propose = async (c: SupplyPost) => {
    setBusy(c.id);
    try {
      await supplyApi.propose(postId, c.id, { silent: true });
      setSent((s) => ({ ...s, [c.id]: true }));
      setRefused((r) => ({ ...r, [c.id]: '' }));
      void Taro.showToast({ title: '已发起对接，等待对方确认', icon: 'none' });
    } catch (error) {
      setRefused((r) => ({ ...r, [c.id]: (error as Error).message }));
    } finally {
      setBusy('');
    }
  };

  return (
    <View className="w-page supply-candidates">
      <OfflineBanner onRetry={page.reload} />
      {mine ? (
        <View className="w-card">
          <Text className="w-card__title">
            为「{mine.title}」寻找{POST_SIDE_LABELS[mine.side === 'supply' ? 'demand' : 'supply']}
          </Text>
          <Text className="w-muted">
            {SUPPLY_CATEGORY_LABELS[mine.category]} · {mine.availableFrom} 至 {mine.availableUntil}
          </Text>
        </View>
      ) : null}
      <PageState
        status={page.status}
        onRetry={page.reload}
        emptyTitle="暂时没有可对接的信息"
        emptyDescription="同类别、有效期有重叠的对方信息发布后会显示在这里"
      >
        {page.data?.items.map((c) => (
          <View key={c.id} className="w-card supply-candidate">
            <Text className="w-card__title">
              【{POST_SIDE_LABELS[c.side]}】{c.title}
            </Text>
            <Text className="w-line">
              {c.enterpriseName} · {c.quantity} {c.unit}
            </Text>
            <Text className="w-line">
              {c.distanceKm === null ? '距离未知' : `距离约 ${c.distanceKm.toFixed(1)} km`}
            </Text>
            <Text className="w-line">
              {c.availableFrom} 至 {c.availableUntil}（{daysOf(c.availableFrom, c.availableUntil)} 天）
            </Text>
            {refused[c.id] ? <Text className="w-error">{refused[c.id]}</Text> : null}
            {sent[c.id] ? (
              <Text className="w-muted">已发起，等待对方确认</Text>
            ) : (
              <Button
                type="primary"
                block
                loading={busy === c.id}
                disabled={busy !== ''}
                onClick={() => void propose(c)}
              >
                发起对接
              </Button>
            )}
          </View>
        ))}
        <View className="w-actions">
          <Button block onClick={() => openPage(PAGES.supplyMatches)}>
            查看我的对接
          </Button>
        </View>
      </PageState>
    </View>
  );
}
