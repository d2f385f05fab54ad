import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chips } from '../../components/chips';
import { api } from '../../services/issue-api';

export interface Employer {
  id: string;
  name: string;
}

/**
 * 工作单位: the worker finds their employer in the directory by a few characters of its name and
 * taps it (no ID to copy from anywhere). The choice is saved with the rest of the profile.
 */
export function EmployerChooser({
  value,
  onChange,
}: {
  value: Employer | null;
  onChange: (e: Employer | null) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Employer[] | null>(null);
  const [error, setError] = useState('');
  const search = async () => {
    setError('');
    try {
      setFound((await api.directory(q.trim())).items.map((e) => ({ id: e.id, name: e.name })));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <View className="employer">
      <Text className="w-line">{value ? `已选：${value.name}` : '尚未选择工作单位（求职中可不选）'}</Text>
      <Input name="employer" placeholder="输入企业名称中的几个字" value={q} onChange={setQ} />
      <Button size="small" onClick={search}>
        查找企业
      </Button>
      {error ? <Text className="w-error">{error}</Text> : null}
      {found && found.length === 0 ? <Text className="w-muted">没有找到，请换几个字再试</Text> : null}
      {found && found.length > 0 ? (
        <Chips
          options={found.map((e) => ({ value: e.id, label: e.name }))}
          value={value?.id ?? null}
          onChange={(id) => onChange(found.find((e) => e.id === id) ?? null)}
        />
      ) : null}
    </View>
  );
}
