import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { api } from '../../../services/issue-api';
import '../../../styles/worker.css';

export type Firm = { id: string; name: string };

/** The firms picked so far, each removable, and a search of the registry's names to add more. */
export function FirmPicker({ picked, onChange }: { picked: Firm[]; onChange: (firms: Firm[]) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Firm[] | null>(null);
  const search = async () => {
    try {
      setFound((await api.directory(q.trim())).items);
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
  const has = (id: string) => picked.some((f) => f.id === id);
  return (
    <View className="firm-picker">
      <Text className="w-label">代理的企业（{picked.length} 家）</Text>
      {picked.length === 0 ? <Text className="w-muted">还没有选择企业</Text> : null}
      {picked.map((f) => (
        <View key={f.id} className="w-row">
          <Text className="w-line">{f.name}</Text>
          <Button size="small" onClick={() => onChange(picked.filter((p) => p.id !== f.id))}>
            移除 {f.name}
          </Button>
        </View>
      ))}
      <Text className="w-label">在企业名录中查找</Text>
      <Input placeholder="输入企业名称关键字" value={q} onChange={setQ} />
      <Button block onClick={() => void search()}>
        查找企业
      </Button>
      {found && found.length === 0 ? <Text className="w-muted">名录中没有找到该企业</Text> : null}
      {found
        ?.filter((f) => !has(f.id))
        .map((f) => (
          <Button key={f.id} size="small" onClick={() => onChange([...picked, { id: f.id, name: f.name }])}>
            添加 {f.name}
          </Button>
        ))}
    </View>
  );
}
