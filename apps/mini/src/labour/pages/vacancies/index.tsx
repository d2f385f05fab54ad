import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CONTRACT_KIND_LABELS, SHIFT_LABELS, type Vacancy } from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { RegionPicker } from '../../../components/region-picker';
import { openPage, PAGES } from '../../../navigation';
import { ApiError } from '../../../services/api-error';
import { labourApi, type VacancyFilters } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/** The industries most vacancies are posted under; 全部 searches them all. */
export const INDUSTRY_OPTIONS = [
  { value: '', label: '全部' },
  { value: '制造业', label: '制造业' },
  { value: '建筑业', label: '建筑业' },
  { value: '纺织业', label: '纺织业' },
  { value: '物流运输', label: '物流运输' },
  { value: '餐饮服务', label: '餐饮服务' },
];

/** 找工作: open vacancies (confirmed by the firm within 7 days), filtered, and 投递 in one tap. */
export default function VacanciesPage() {
  const [filters, setFilters] = useState<VacancyFilters>({});
  const [wage, setWage] = useState('');
  const [applied, setApplied] = useState<Record<string, boolean>>({});
  const list = useLoad(
    () => labourApi.search(filters),
    (d) => d.items.length === 0,
  );
  const mounted = useRef(false);
  const reload = list.reload;
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [filters, reload]);

  const apply = async (v: Vacancy) => {
    try {
      await labourApi.apply(v.id, { silent: true });
      setApplied((old) => ({ ...old, [v.id]: true }));
      void Taro.showToast({ title: '已投递，请留意企业回复', icon: 'success' });
    } catch (error) {
      // Applying needs a 求职登记 first: take the worker there instead of a dead end.
      if (error instanceof ApiError && (error.details as { reason?: string })?.reason === 'not_registered') {
        openPage(PAGES.labourSeeker);
        return;
      }
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };

  return (
    <View className="w-page vacancies">
      <OfflineBanner onRetry={list.reload} />
      <View className="w-card">
        <Text className="w-label">工作地</Text>
        <RegionPicker
          label="工作地"
          depth="city"
          placeholder="不限地区"
          value={filters.region ?? ''}
          onChange={(region) => setFilters((f) => ({ ...f, region }))}
        />
        <Text className="w-label">行业</Text>
        <Chips
          options={INDUSTRY_OPTIONS}
          value={filters.industry ?? ''}
          onChange={(industry) => setFilters((f) => ({ ...f, industry }))}
        />
        <Text className="w-label">期望月薪不低于（元）</Text>
        <Input type="number" placeholder="如 5000" value={wage} onChange={setWage} />
        <View className="w-actions">
          <Button
            type="primary"
            block
            onClick={() =>
              setFilters((f) => ({ ...f, wage: Number(wage) >= 1000 ? Number(wage) : undefined }))
            }
          >
            按工资筛选
          </Button>
          <Button block onClick={() => setFilters((f) => ({ ...f, noCertificate: !f.noCertificate }))}>
            {filters.noCertificate ? '看全部岗位' : '农民工专区（无需证书）'}
          </Button>
        </View>
      </View>
      <PageState
        status={list.status}
        onRetry={list.reload}
        emptyTitle="暂时没有符合条件的岗位"
        emptyDescription="换个地区或行业试试"
      >
        {list.data?.items.map((v) => (
          <View key={v.id} className="w-card">
            <Text className="w-card__title">
              {v.position} · {v.enterpriseName}
            </Text>
            <Text className="w-line">
              月薪 {v.wageMin}–{v.wageMax} 元 · 招 {v.headcount - v.filled} 人
            </Text>
            <Text className="w-muted">
              {v.place.address} · {CONTRACT_KIND_LABELS[v.contractKind]} ·{' '}
              {v.shifts.map((s) => SHIFT_LABELS[s]).join('、')}
            </Text>
            <Text className="w-muted">
              {[v.accommodation ? '包住' : '', v.meals ? '包吃' : '', v.charterBus ? '可乘企业包车返岗' : '']
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Button type="primary" block disabled={applied[v.id]} onClick={() => void apply(v)}>
              {applied[v.id] ? '已投递' : '投递'}
            </Button>
          </View>
        ))}
      </PageState>
      <View className="w-actions">
        <Button block onClick={() => openPage(PAGES.labourMyApplications)}>
          我的求职进度
        </Button>
      </View>
    </View>
  );
}
