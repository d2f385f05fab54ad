import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { api } from '../../../services/issue-api';
import { Chips } from '../../../components/chips';

export interface Destination {
  enterpriseId: string;
  name: string;
  dropPoint: string;
}

type Firm = { id: string; name: string };

/**
 * The trip's destination firms: search the directory by name, tap a firm to add it, then say
 * where the coach stops for it (厂区正门 unless changed).
 */
export function DestinationPicker({
  value,
  onChange,
}: {
  value: Destination[];
  onChange: (next: Destination[]) => void;
}) {
  const [q, setQ] = useState('');
  const [firms, setFirms] = useState<Firm[] | null>(null);
  const [error, setError] = useState('');

  const search = (text: string) => {
    setError('');
    api.directory(text.trim()).then(
      (res) => setFirms(res.items),
      (e: unknown) => setError((e as Error).message || '企业名录加载失败，请重试'),
    );
  };
  useEffect(() => search(''), []);

  const chosen = new Set(value.map((d) => d.enterpriseId));
  const options = (firms ?? []).filter((f) => !chosen.has(f.id)).map((f) => ({ value: f.id, label: f.name }));
  const add = (id: string) => {
    const firm = firms?.find((f) => f.id === id);
    if (firm) onChange([...value, { enterpriseId: firm.id, name: firm.name, dropPoint: '厂区正门' }]);
  };
  const setDrop = (id: string, dropPoint: string) =>
    onChange(value.map((d) => (d.enterpriseId === id ? { ...d, dropPoint } : d)));

  return (
    <View>
      {value.map((d) => (
        <View key={d.enterpriseId} className="trip-form__destination">
          <Text className="w-line">{d.name}</Text>
          <Input
            placeholder={`下车点（${d.name}）`}
            value={d.dropPoint}
            onChange={(v) => setDrop(d.enterpriseId, v)}
          />
          <Text
            className="w-muted trip-form__remove"
            onClick={() => onChange(value.filter((x) => x.enterpriseId !== d.enterpriseId))}
          >
            移除
          </Text>
        </View>
      ))}
      <View className="trip-form__search">
        <Input placeholder="搜索目的企业名称" value={q} onChange={setQ} />
        <Button size="small" onClick={() => search(q)}>
          搜索
        </Button>
      </View>
      {firms && options.length === 0 ? <Text className="w-muted">没有找到其他企业</Text> : null}
      <Chips options={options} value={null} onChange={add} />
      {error ? <Text className="w-error">{error}</Text> : null}
    </View>
  );
}
