import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { supplierInputSchema } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { RegionPicker } from '../../../components/region-picker';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { api } from '../../../services/issue-api';
import { supplyApi } from '../../../services/supply';
import '../../../styles/worker.css';

type Heard = 'yes' | 'no' | 'unknown';
const HEARD: { value: Heard; label: string }[] = [
  { value: 'yes', label: '已复工' },
  { value: 'no', label: '未复工' },
  { value: 'unknown', label: '不清楚' },
];
const HEARD_VALUE: Record<Heard, boolean | null> = { yes: true, no: false, unknown: null };
type Found = { id: string; name: string; regionCode: string };

/**
 * 登记核心配套供应商 (the lead firm's liaison). A supplier in the registry is linked so its own
 * reopening report counts; for one elsewhere the firm says what it last heard.
 */
export function SupplierForm({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [supplies, setSupplies] = useState('');
  const [heard, setHeard] = useState<Heard>('unknown');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [linked, setLinked] = useState<Found | null>(null);
  const { errors, sending, submit } = useFormSubmit();

  const search = async () => {
    try {
      setFound((await api.directory(q.trim())).items);
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
  const link = (id: string) => {
    const f = found?.find((x) => x.id === id) ?? null;
    setLinked(f);
    if (f) {
      setName(f.name);
      setRegionCode(f.regionCode);
    }
  };

  const save = () =>
    submit(
      supplierInputSchema,
      {
        name,
        regionCode,
        supplies,
        enterpriseId: linked?.id ?? null,
        // A registry firm's own report decides; hearsay is only for suppliers elsewhere.
        reportedReopened: linked ? null : HEARD_VALUE[heard],
      },
      (data, idempotencyKey) => supplyApi.addSupplier(data, { idempotencyKey, silent: true }),
      () => {
        void Taro.showToast({ title: '已登记', icon: 'success' });
        setName('');
        setSupplies('');
        setLinked(null);
        setFound(null);
        onAdded();
      },
    );

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);
  return (
    <View className="w-card supplier-form">
      <Text className="w-card__title">登记核心配套供应商</Text>
      <Text className="w-label">在本地企业名录中查找（可不填）</Text>
      <Input placeholder="输入企业名称关键字" value={q} onChange={setQ} />
      <Button block onClick={() => void search()}>
        查找
      </Button>
      {found && found.length === 0 ? <Text className="w-muted">名录中没有找到，请直接填写</Text> : null}
      {found && found.length > 0 ? (
        <Chips
          options={found.map((f) => ({ value: f.id, label: f.name }))}
          value={linked?.id ?? null}
          onChange={link}
        />
      ) : null}
      <Text className="w-label">供应商名称</Text>
      <Input placeholder="如 东莞精密模具厂" value={name} onChange={setName} />
      {error('name')}
      <Text className="w-label">所在县（区）</Text>
      <RegionPicker
        label="供应商所在县（区）"
        placeholder="请选择省、市、县（区）"
        value={regionCode}
        onChange={(code) => setRegionCode(code)}
      />
      {error('regionCode')}
      <Text className="w-label">配套产品</Text>
      <Input placeholder="如 注塑模具" value={supplies} onChange={setSupplies} />
      {error('supplies')}
      {linked ? (
        <Text className="w-muted">已关联名录企业，复工情况以其复工申报为准</Text>
      ) : (
        <>
          <Text className="w-label">据了解的复工情况</Text>
          <Chips options={HEARD} value={heard} onChange={setHeard} />
        </>
      )}
      {errors.form && !errors.name && !errors.regionCode && !errors.supplies ? error('form') : null}
      <Button type="primary" block loading={sending} disabled={sending} onClick={() => void save()}>
        登记供应商
      </Button>
    </View>
  );
}
