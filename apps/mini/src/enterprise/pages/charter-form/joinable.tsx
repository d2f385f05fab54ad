import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ApiError } from '../../../services/api-error';
import { api } from '../../../services/issue-api';
import { useLoad } from '../../../hooks/use-load';

/**
 * 抱团组团包车: open requests of other firms bound for the same county, which a small firm can
 * join with its own workers instead of chartering a half-empty coach.
 */
export function JoinableCharters({ enterpriseId }: { enterpriseId: string }) {
  // 抱团 is for 规下 (small) firms: the server refuses a 规上 firm's join, so it is not offered.
  const size = useLoad(() => api.overview(enterpriseId));
  const { data, reload } = useLoad(() => api.joinableCharters(enterpriseId));
  const [workers, setWorkers] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const items = data?.items ?? [];
  if (items.length === 0 || size.data?.enterprise.size !== 'below') return null;

  const join = async (id: string) => {
    setError('');
    try {
      await api.joinCharter(
        id,
        { enterpriseId, workers: Number(workers[id] ?? ''), namedStaff: [] },
        { silent: true },
      );
      void Taro.showToast({ title: '已加入', icon: 'success' });
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldIssues[0]?.message ?? e.message) : '加入失败，请重试');
    }
  };

  return (
    <View className="card">
      <Text className="card__title">或加入其他企业的包车（抱团组团包车）</Text>
      {items.map((c) => (
        <View key={c.id} className="row-item">
          <Text className="row-item__title">
            {c.originName} · {c.earliestArrival} 至 {c.latestArrival}
          </Text>
          <Text className="row-item__meta">
            上车点 {c.pickupPoint} · 已有 {c.participants.length} 家企业 {c.totalWorkers} 人
          </Text>
          <Input
            type="number"
            placeholder={`本企业加入人数（${c.originName}）`}
            value={workers[c.id] ?? ''}
            onChange={(v) => setWorkers((old) => ({ ...old, [c.id]: v }))}
          />
          <Button fill="outline" block onClick={() => join(c.id)}>
            加入
          </Button>
        </View>
      ))}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}
