import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CALL_STATUS_LABELS, CALL_STATUSES, type CallStatus } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { hotlineApi } from '../../../services/hotline';
import { useLoad } from '../../../hooks/use-load';
import { CallCard } from './call-card';
import '../../../styles/worker.css';

type Filter = CallStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...CALL_STATUSES.map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] })),
];

/** 来电记录: the hotline's calls, newest first, with where each stands and its call-back. */
export default function CallsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  // Read by the loader at call time: a reload right after a tap must ask for the new filter.
  const wanted = useRef<Filter>('all');
  const list = useLoad(
    () => hotlineApi.calls(wanted.current === 'all' ? undefined : wanted.current),
    (d) => d.items.length === 0,
  );
  const choose = (f: Filter) => {
    wanted.current = f;
    setFilter(f);
    list.reload();
  };
  return (
    <View className="w-page hotline-calls">
      <OfflineBanner onRetry={list.reload} />
      <View className="w-actions">
        <Button type="primary" block onClick={() => openPage(PAGES.hotlineCallForm)}>
          登记来电
        </Button>
      </View>
      <Chips options={FILTERS} value={filter} onChange={choose} />
      <PageState status={list.status} onRetry={list.reload} emptyTitle="没有来电记录">
        {list.data?.items.map((c) => (
          <CallCard key={c.id} call={c} onChanged={list.reload} />
        ))}
      </PageState>
    </View>
  );
}
