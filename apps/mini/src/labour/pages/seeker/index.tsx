import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import { seekerInputSchema, type Seeker } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { DateField } from '../../../components/date-field';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { CountyField } from '../../../components/county-field';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { chinaToday } from '../../../services/format';
import { labourApi } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

const INDUSTRIES = ['制造业', '建筑业', '纺织业', '物流运输', '餐饮服务'].map((v) => ({
  value: v,
  label: v,
}));
/** Comma- or 、-separated words as the worker types them (技能、证书、培训意向). */
const words = (s: string) =>
  s
    .split(/[,，、\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);

interface Draft {
  name: string;
  wantedIndustries: string[];
  wantedPositions: string;
  homeRegionCode: string;
  expectedWage: string;
  availableFrom: string;
  skills: string;
  certificates: string;
  trainingWishes: string;
  showPassColour: boolean;
}
const EMPTY: Draft = {
  name: '',
  wantedIndustries: [],
  wantedPositions: '',
  homeRegionCode: '',
  expectedWage: '',
  availableFrom: '',
  skills: '',
  certificates: '',
  trainingWishes: '',
  showPassColour: false,
};
const draftOf = (s: Seeker): Draft => ({
  name: s.name,
  wantedIndustries: s.wantedIndustries,
  wantedPositions: s.wantedPositions.join('、'),
  homeRegionCode: s.homeRegionCode,
  expectedWage: String(s.expectedWage),
  availableFrom: s.availableFrom,
  skills: s.skills.join('、'),
  certificates: s.certificates.join('、'),
  trainingWishes: s.trainingWishes.join('、'),
  showPassColour: s.showPassColour,
});

/** 求职登记 (with 培训预登记): registered once, edited whenever plans change. */
export default function SeekerPage() {
  const me = useLoad(() => labourApi.seeker());
  const [d, setD] = useState<Draft>(EMPTY);
  const { errors, sending, submit } = useFormSubmit();
  const existing = me.data?.seeker ?? null;
  useEffect(() => {
    if (existing) setD(draftOf(existing));
  }, [existing]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const toggleIndustry = (v: string) =>
    set(
      'wantedIndustries',
      d.wantedIndustries.includes(v) ? d.wantedIndustries.filter((i) => i !== v) : [...d.wantedIndustries, v],
    );

  const save = () =>
    submit(
      seekerInputSchema,
      {
        name: d.name,
        wantedIndustries: d.wantedIndustries,
        wantedPositions: words(d.wantedPositions),
        homeRegionCode: d.homeRegionCode,
        expectedWage: Number(d.expectedWage),
        availableFrom: d.availableFrom,
        skills: words(d.skills),
        certificates: words(d.certificates),
        trainingWishes: words(d.trainingWishes),
        showPassColour: d.showPassColour,
      },
      (data) => labourApi.register(data, { silent: true }),
      () => {
        void Taro.showToast({ title: '求职登记已保存', icon: 'success' });
        void Taro.navigateBack();
      },
    );

  const text = (
    k: 'name' | 'wantedPositions' | 'skills' | 'certificates' | 'trainingWishes',
    label: string,
    ph: string,
  ) => (
    <View>
      <Text className="w-label">{label}</Text>
      <Input placeholder={ph} value={d[k]} onChange={(v) => set(k, v)} />
      {errors[k] ? <Text className="w-error">{errors[k]}</Text> : null}
    </View>
  );

  return (
    <View className="w-page seeker">
      <OfflineBanner onRetry={me.reload} />
      <PageState status={me.status} onRetry={me.reload}>
        <View className="w-card">
          <Text className="w-card__title">{existing ? '修改求职登记' : '求职登记'}</Text>
          {text('name', '姓名', '请输入姓名')}
          <Text className="w-label">意向行业（可多选）</Text>
          <Chips options={INDUSTRIES} value={d.wantedIndustries} onChange={toggleIndustry} />
          {errors.wantedIndustries ? <Text className="w-error">{errors.wantedIndustries}</Text> : null}
          {text('wantedPositions', '意向岗位', '如 普工、电焊工，用顿号隔开')}
          <CountyField
            label="家乡所在县（区）"
            value={d.homeRegionCode}
            onChange={(code) => set('homeRegionCode', code)}
            error={errors.homeRegionCode}
          />
          <Text className="w-label">期望月薪（元）</Text>
          <Input
            type="number"
            placeholder="如 5000"
            value={d.expectedWage}
            onChange={(v) => set('expectedWage', v)}
          />
          {errors.expectedWage ? <Text className="w-error">{errors.expectedWage}</Text> : null}
          <Text className="w-label">最早可到岗日期</Text>
          <DateField
            label="最早可到岗日期"
            placeholder="请选择日期"
            value={d.availableFrom}
            start={chinaToday()}
            onChange={(day) => set('availableFrom', day)}
          />
          {errors.availableFrom ? <Text className="w-error">{errors.availableFrom}</Text> : null}
          {text('skills', '技能', '如 叉车、缝纫')}
          {text('certificates', '证书', '如 电工证（没有可不填）')}
          {text('trainingWishes', '培训意向（培训预登记）', '如 数控车床')}
          <View className="w-row">
            <Text className="w-row__title">向招聘企业展示我的健康码颜色</Text>
            <Switch
              aria-label="向招聘企业展示我的健康码颜色"
              checked={d.showPassColour}
              onChange={(v: boolean) => set('showPassColour', v)}
            />
          </View>
          <Text className="w-muted">身份证号和手机号只在您投递某个岗位后，才向该企业显示。</Text>
          {errors.form ? <Text className="w-error">{errors.form}</Text> : null}
        </View>
        <View className="w-actions">
          <Button type="primary" block loading={sending} disabled={sending} onClick={save}>
            保存求职登记
          </Button>
        </View>
      </PageState>
    </View>
  );
}
