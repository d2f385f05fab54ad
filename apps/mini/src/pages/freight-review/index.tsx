import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { FreightPass } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { useSubmissionKey } from '../../forms/use-submission-key';
import { freightApi } from '../../services/freight';
import { useLoad } from '../../hooks/use-load';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { Chips } from '../../components/chips';
import { FreightPassCard } from '../../components/freight-pass-card';
import '../../styles/worker.css';

type Tab = 'queue' | 'approved';
type Action = 'approve' | 'refuse' | 'revoke';
const DONE: Record<Action, string> = { approve: '已通过', refuse: '已退回', revoke: '已撤销' };

/**
 * 交通专班's queue: pending applications soonest deadline first (overdue flagged), approve or
 * refuse with a reason; and the approved passes, any of which can be revoked — the next scan
 * at a checkpoint then refuses it. A pass someone else decided first answers with its state.
 */
export default function FreightReviewPage() {
  const user = useSignedInUser();
  const [tab, setTab] = useState<Tab>('queue');
  const passes = useLoad(
    () => (tab === 'queue' ? freightApi.queue() : freightApi.list('approved')),
    (d) => d.items.length === 0,
  );
  const [reason, setReason] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState('');
  const { keyFor, settle } = useSubmissionKey();
  if (!user) return <PageState status="loading" />;

  const act = async (p: FreightPass, action: Action) => {
    const text = (reason[p.id] ?? '').trim();
    if (action !== 'approve' && text.length < 2) {
      setMessage('请先填写原因（至少 2 个字）');
      return;
    }
    setBusy(p.id);
    setMessage('');
    try {
      const o = { idempotencyKey: keyFor({ id: p.id, action, text }), silent: true };
      if (action === 'approve') await freightApi.approve(p.id, text, o);
      if (action === 'refuse') await freightApi.refuse(p.id, text, o);
      if (action === 'revoke') await freightApi.revoke(p.id, text, o);
      settle();
      void Taro.showToast({ title: DONE[action], icon: 'success' });
    } catch (error) {
      settle(error);
      setMessage((error as Error).message);
    } finally {
      setBusy('');
      passes.reload();
    }
  };

  const switchTo = (next: Tab) => {
    setTab(next);
    setTimeout(passes.reload, 0);
  };

  return (
    <View className="w-page freight-review">
      <OfflineBanner onRetry={passes.reload} />
      <View className="w-card">
        <Chips
          options={[
            { value: 'queue', label: '待审核' },
            { value: 'approved', label: '已通过（可撤销）' },
          ]}
          value={tab}
          onChange={(v) => switchTo(v as Tab)}
        />
        {message ? <Text className="w-error">{message}</Text> : null}
      </View>
      <PageState
        status={passes.status}
        onRetry={passes.reload}
        emptyTitle={tab === 'queue' ? '没有待审核的申请' : '没有已通过的通行证'}
      >
        <View className="w-card">
          {(passes.data?.items ?? []).map((p) => (
            <FreightPassCard key={p.id} pass={p}>
              <Input
                name={`reason-${p.id}`}
                placeholder={tab === 'queue' ? '审核意见（不通过时必填）' : '撤销原因（必填）'}
                value={reason[p.id] ?? ''}
                onChange={(v) => setReason((old) => ({ ...old, [p.id]: v }))}
              />
              <View className="w-actions">
                {tab === 'queue' ? (
                  <>
                    <Button
                      type="primary"
                      loading={busy === p.id}
                      disabled={!!busy}
                      onClick={() => act(p, 'approve')}
                    >
                      审核通过
                    </Button>
                    <Button disabled={!!busy} onClick={() => act(p, 'refuse')}>
                      不予通过
                    </Button>
                  </>
                ) : (
                  <Button type="danger" disabled={!!busy} onClick={() => act(p, 'revoke')}>
                    撤销通行证
                  </Button>
                )}
              </View>
            </FreightPassCard>
          ))}
        </View>
      </PageState>
    </View>
  );
}
