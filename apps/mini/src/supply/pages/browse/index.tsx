import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  MATCH_STATUS_LABELS,
  POST_SIDE_LABELS,
  POST_STATUS_LABELS,
  SUPPLY_CATEGORY_LABELS,
  type SupplyMatch,
  type SupplyPost,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { supplyApi, type SupplyBrowseFilters } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import { BrowseFilters } from './browse-filters';
import '../../../styles/worker.css';

type Tab = 'posts' | 'matches';
const TABS: { value: Tab; label: string }[] = [
  { value: 'posts', label: '供需信息' },
  { value: 'matches', label: '对接' },
];
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
type Loaded = ({ kind: 'posts' } & Page<SupplyPost>) | ({ kind: 'matches' } & Page<SupplyMatch>);
const START: SupplyBrowseFilters = {
  regionCode: '',
  industry: '',
  side: '',
  status: '',
  sort: 'expiry',
  page: 1,
};

function PostCard({ p }: { p: SupplyPost }) {
  return (
    <View className="w-card supply-browse__post">
      <Text className="w-card__title">
        【{POST_SIDE_LABELS[p.side]}】{p.title}
      </Text>
      <Text className="w-line">
        {p.enterpriseName}
        {p.industry ? ` · ${p.industry}` : ''} · {p.regionCode}
      </Text>
      <Text className="w-line">
        {SUPPLY_CATEGORY_LABELS[p.category]} · {p.quantity} {p.unit}
      </Text>
      <Text className="w-muted">
        {p.availableFrom} 至 {p.availableUntil} · {POST_STATUS_LABELS[p.status]}
      </Text>
    </View>
  );
}

function MatchCard({ m }: { m: SupplyMatch }) {
  return (
    <View className="w-card supply-browse__match">
      <Text className="w-card__title">
        {SUPPLY_CATEGORY_LABELS[m.category]} · {MATCH_STATUS_LABELS[m.status]}
      </Text>
      <Text className="w-line">
        供方 {m.supply.enterpriseName}「{m.supply.title}」
      </Text>
      <Text className="w-line">
        需方 {m.demand.enterpriseName}「{m.demand.title}」
      </Text>
      <Text className="w-muted">相距约 {m.distanceKm.toFixed(1)} km</Text>
      {m.endedReason ? <Text className="w-warn">{m.endedReason}</Text> : null}
    </View>
  );
}

/**
 * 供需总览 (工信局 and the command): every firm's posts and every match, filtered and paged.
 * No contact appears here: a contact leaves only to a party of a confirmed match, audited.
 */
export default function SupplyBrowsePage() {
  const [tab, setTab] = useState<Tab>('posts');
  const [filters, setFilters] = useState<SupplyBrowseFilters>(START);
  const list = useLoad<Loaded>(
    async () =>
      tab === 'posts'
        ? { kind: 'posts', ...(await supplyApi.browsePosts(filters)) }
        : { kind: 'matches', ...(await supplyApi.browseMatches(filters)) },
    (d) => d.total === 0,
  );
  const mounted = useRef(false);
  const reload = list.reload;
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [tab, filters, reload]);
  const d = list.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1;
  const go = (page: number) => setFilters((f) => ({ ...f, page }));
  const switchTo = (t: Tab) => {
    setTab(t);
    // The two lists have different statuses: a status chosen for one means nothing to the other.
    setFilters((f) => ({ ...f, status: '', page: 1 }));
  };
  return (
    <View className="w-page supply-browse">
      <OfflineBanner onRetry={list.reload} />
      <Chips options={TABS} value={tab} onChange={switchTo} />
      <BrowseFilters tab={tab} value={filters} onChange={setFilters} />
      <PageState status={list.status} onRetry={list.reload} emptyTitle="没有符合条件的记录">
        {d ? (
          <View>
            <Text className="w-muted">
              共 {d.total} 条 · 第 {d.page}/{pages} 页
            </Text>
            {d.kind === 'posts'
              ? d.items.map((p) => <PostCard key={p.id} p={p} />)
              : d.items.map((m) => <MatchCard key={m.id} m={m} />)}
            <View className="w-actions">
              {d.page > 1 ? (
                <Button block onClick={() => go(d.page - 1)}>
                  上一页
                </Button>
              ) : null}
              {d.page < pages ? (
                <Button block onClick={() => go(d.page + 1)}>
                  下一页
                </Button>
              ) : null}
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
