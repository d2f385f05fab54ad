import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chips } from '../../../components/chips';
import { hotlineApi } from '../../../services/hotline';

export interface PickedFirm {
  id: string;
  name: string;
}

/**
 * The firm a call is about, found in the registry by a part of its name (callers rarely know the
 * 统一社会信用代码). Picking it again clears it: most calls name no firm.
 */
export function EnterprisePicker(props: {
  value: PickedFirm | null;
  onChange: (f: PickedFirm | null) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PickedFirm[] | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setBusy(true);
    try {
      setFound((await hotlineApi.enterprises(q.trim())).items);
    } catch {
      setFound(null); // the request wrapper said why
    } finally {
      setBusy(false);
    }
  };
  const options = [...(props.value ? [props.value] : []), ...(found ?? [])].filter(
    (f, i, all) => all.findIndex((o) => o.id === f.id) === i,
  );

  return (
    <View className="hotline-firm">
      <Text className="w-label">所涉企业（转为问题诉求时必填）</Text>
      <View className="w-actions">
        <Input placeholder="企业名称关键字" value={q} onChange={setQ} />
        <Button loading={busy} disabled={busy || q.trim() === ''} onClick={() => void search()}>
          查找企业
        </Button>
      </View>
      {found && found.length === 0 ? (
        <Text className="w-muted">企业库中没有名称含“{q.trim()}”的企业</Text>
      ) : null}
      {options.length > 0 ? (
        <Chips
          options={options.map((f) => ({ value: f.id, label: f.name }))}
          value={props.value?.id ?? null}
          onChange={(id) => props.onChange(props.value?.id === id ? null : options.find((f) => f.id === id)!)}
        />
      ) : null}
    </View>
  );
}
