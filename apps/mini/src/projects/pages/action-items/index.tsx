import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ActionItem } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { shortTime } from '../../../components/freight-pass-card';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { projectsApi } from '../../../services/projects';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 会办任务: the tasks 马上会办 gave this officer's department, open first and soonest due first;
 * closing one needs a result. Another officer who closed it first makes the second tap a 409.
 */
export default function ActionItemsPage() {
  const items = useLoad(
    () => projectsApi.myActions(),
    (d) => d.items.length === 0,
  );
  const [note, setNote] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState('');
  const { keyFor, settle } = useSubmissionKey();

  const close = async (i: ActionItem) => {
    const text = (note[i.id] ?? '').trim();
    if (text.length < 2) {
      setMessage('请填写办理结果（至少 2 个字）');
      return;
    }
    setBusy(i.id);
    setMessage('');
    try {
      await projectsApi.closeAction(i.id, text, { idempotencyKey: keyFor({ id: i.id, text }), silent: true });
      settle();
      void Taro.showToast({ title: '已办结', icon: 'success' });
    } catch (error) {
      settle(error);
      setMessage((error as Error).message);
    } finally {
      setBusy('');
      items.reload();
    }
  };

  return (
    <View className="w-page action-items">
      <OfflineBanner onRetry={items.reload} />
      {message ? <Text className="w-error">{message}</Text> : null}
      <PageState status={items.status} onRetry={items.reload} emptyTitle="暂无会办任务">
        <View className="w-card">
          {(items.data?.items ?? []).map((i) => (
            <View key={i.id} className="w-row">
              <Text className="w-row__title">{i.task}</Text>
              <Text className={`w-badge${i.state === 'closed' ? '' : ' w-badge--warn'}`}>
                {i.state === 'closed' ? '已办结' : '办理中'}
              </Text>
              {i.overdue ? <Text className="w-badge w-badge--warn">已超期</Text> : null}
              <Text className="w-line">
                {i.projectName} · {i.departmentName} · 期限 {shortTime(i.dueAt)}
              </Text>
              {i.state === 'closed' ? (
                <Text className="w-muted">办理结果：{i.closingNote}</Text>
              ) : (
                <>
                  <Input
                    name={`note-${i.id}`}
                    placeholder="办理结果（必填）"
                    value={note[i.id] ?? ''}
                    onChange={(v) => setNote((old) => ({ ...old, [i.id]: v }))}
                  />
                  <Button type="primary" loading={busy === i.id} disabled={!!busy} onClick={() => close(i)}>
                    办结
                  </Button>
                </>
              )}
            </View>
          ))}
        </View>
      </PageState>
    </View>
  );
}
