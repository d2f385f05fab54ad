import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import {
  CONTRACT_KIND_LABELS,
  CONTRACT_KINDS,
  SHIFT_LABELS,
  SHIFTS,
  vacancyEditSchema,
  vacancyInputSchema,
  type ChinaPoint,
  type ContractKind,
  type Shift,
  type Vacancy,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { PointField } from '../../../components/point-field';
import { CountyField } from '../../../components/county-field';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { labourApi } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

interface Draft {
  enterpriseId: string;
  position: string;
  industry: string;
  headcount: string;
  wageMin: string;
  wageMax: string;
  regionCode: string;
  address: string;
  point: ChinaPoint | null;
  shifts: Shift[];
  contractKind: ContractKind | null;
  requirements: string;
  /** Not asked on the phone; an edit keeps what the firm wrote before. */
  healthRequirements: string;
  certificateRequired: boolean;
  accommodation: boolean;
  meals: boolean;
  charterBus: boolean;
}
const EMPTY: Draft = {
  enterpriseId: '',
  position: '',
  industry: '',
  headcount: '',
  wageMin: '',
  wageMax: '',
  regionCode: '',
  address: '',
  point: null,
  shifts: [],
  contractKind: null,
  requirements: '',
  healthRequirements: '',
  certificateRequired: false,
  accommodation: false,
  meals: false,
  charterBus: false,
};
const draftOf = (v: Vacancy): Draft => ({
  ...EMPTY,
  ...v,
  headcount: String(v.headcount),
  wageMin: String(v.wageMin),
  wageMax: String(v.wageMax),
  regionCode: v.place.regionCode,
  address: v.place.address,
  point: v.place.point,
});
const FLAGS = [
  ['accommodation', '提供住宿'],
  ['meals', '提供工作餐'],
  ['charterBus', '新员工可乘企业包车返岗'],
  ['certificateRequired', '需要职业资格证书'],
] as const;

/** 发布空岗 / 修改岗位: free to post; an edit restates the whole posting and keeps it fresh. */
export default function VacancyFormPage() {
  const { params } = useRouter();
  const editing = params.id || '';
  const firms = useLoad(() => labourApi.firms());
  const [d, setD] = useState<Draft>(EMPTY);
  const { errors, setErrors, sending, submit } = useFormSubmit();
  useEffect(() => {
    if (editing) void labourApi.vacancy(editing).then((v) => setD(draftOf(v)));
  }, [editing]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const served = firms.data?.items ?? [];

  const save = () => {
    const body = {
      position: d.position,
      industry: d.industry,
      headcount: Number(d.headcount),
      wageMin: Number(d.wageMin),
      wageMax: Number(d.wageMax),
      place: { regionCode: d.regionCode, address: d.address, point: d.point ?? undefined },
      shifts: d.shifts,
      contractKind: d.contractKind ?? undefined,
      requirements: d.requirements,
      healthRequirements: d.healthRequirements,
      certificateRequired: d.certificateRequired,
      accommodation: d.accommodation,
      meals: d.meals,
      charterBus: d.charterBus,
    };
    const done = () => {
      void Taro.showToast({ title: editing ? '岗位已修改' : '岗位已发布', icon: 'success' });
      void Taro.navigateBack();
    };
    if (editing)
      return submit(vacancyEditSchema, body, (data) => labourApi.edit(editing, data, { silent: true }), done);
    // An agency serving several firms says which one; a liaison posts for their own.
    if (served.length > 1 && !d.enterpriseId) return setErrors({ enterpriseId: '请选择为哪家企业招工' });
    const enterpriseId = d.enterpriseId || (served.length === 1 ? served[0].id : undefined);
    return submit(
      vacancyInputSchema,
      { ...body, enterpriseId },
      (data, idempotencyKey) => labourApi.post(data, { idempotencyKey, silent: true }),
      done,
    );
  };

  const field = (
    k: 'position' | 'industry' | 'headcount' | 'wageMin' | 'wageMax' | 'address' | 'requirements',
    label: string,
    ph: string,
    numeric = false,
  ) => (
    <View>
      <Text className="w-label">{label}</Text>
      <Input placeholder={ph} type={numeric ? 'number' : 'text'} value={d[k]} onChange={(v) => set(k, v)} />
      {errors[k] ? <Text className="w-error">{errors[k]}</Text> : null}
    </View>
  );

  return (
    <View className="w-page vacancy-form">
      <OfflineBanner onRetry={firms.reload} />
      <PageState status={firms.status} onRetry={firms.reload}>
        <View className="w-card">
          {!editing && served.length > 1 ? (
            <>
              <Text className="w-label">为哪家企业招工</Text>
              <Chips
                options={served.map((f) => ({ value: f.id, label: f.name }))}
                value={d.enterpriseId}
                onChange={(id) => set('enterpriseId', id)}
              />
            </>
          ) : null}
          {errors.enterpriseId ? <Text className="w-error">{errors.enterpriseId}</Text> : null}
          {field('position', '岗位名称', '如 电子厂普工')}
          {field('industry', '行业', '如 制造业')}
          {field('headcount', '招聘人数', '人数', true)}
          {field('wageMin', '最低月薪（元）', '如 4500', true)}
          {field('wageMax', '最高月薪（元）', '如 6000', true)}
          <CountyField
            label="工作地所在县（区）"
            value={d.regionCode}
            onChange={(code) => set('regionCode', code)}
          />
          {field('address', '工作地址', '如 余姚市阳明街道光电路 8 号')}
          <PointField
            value={d.point}
            onChange={(point) => set('point', point)}
            onPlace={(place) => setD((old) => (old.address ? old : { ...old, address: place.address }))}
            what="工作地点"
            why="用于按距离推荐"
            failNote="未能获取位置，请在工作地点打开本页后重试"
          />
          {errors.place ? <Text className="w-error">{d.point ? errors.place : '请定位工作地点'}</Text> : null}
          <Text className="w-label">班次（可多选）</Text>
          <Chips
            options={SHIFTS.map((s) => ({ value: s, label: SHIFT_LABELS[s] }))}
            value={d.shifts}
            onChange={(s) =>
              set('shifts', d.shifts.includes(s) ? d.shifts.filter((x) => x !== s) : [...d.shifts, s])
            }
          />
          {errors.shifts ? <Text className="w-error">{errors.shifts}</Text> : null}
          <Text className="w-label">用工形式</Text>
          <Chips
            options={CONTRACT_KINDS.map((k) => ({ value: k, label: CONTRACT_KIND_LABELS[k] }))}
            value={d.contractKind}
            onChange={(k) => set('contractKind', k)}
          />
          {errors.contractKind ? <Text className="w-error">{errors.contractKind}</Text> : null}
          {field('requirements', '岗位要求', '如 18–50 岁，能适应两班倒')}
          {FLAGS.map(([k, label]) => (
            <View key={k} className="w-row">
              <Text className="w-row__title">{label}</Text>
              <Switch aria-label={label} checked={d[k]} onChange={(v: boolean) => set(k, v)} />
            </View>
          ))}
          {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
        </View>
        <View className="w-actions">
          <Button type="primary" block loading={sending} disabled={sending} onClick={() => void save()}>
            {editing ? '保存修改' : '免费发布'}
          </Button>
        </View>
      </PageState>
    </View>
  );
}
