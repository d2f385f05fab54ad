import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPLICATION_STATUS_LABELS, type Application } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { PASS_LABELS } from '../../../services/format';
import { labourApi, type FirmStep } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import { StepForm, type FormStep } from './step-form';
import '../../../styles/worker.css';

/** 先寻岗、再定岗、后到岗 from the firm's side: what it may do next at each state. */
const NEXT: Partial<Record<Application['status'], { step: FirmStep; label: string }[]>> = {
  applied: [
    { step: 'shortlist', label: '初选通过' },
    { step: 'reject', label: '不予录用' },
  ],
  shortlisted: [
    { step: 'interview', label: '安排面试' },
    { step: 'reject', label: '不予录用' },
  ],
  interview: [
    { step: 'offer', label: '发出录用' },
    { step: 'reject', label: '不予录用' },
  ],
  accepted: [{ step: 'arrive', label: '确认到岗' }],
};
const needsForm = (s: FirmStep): s is FormStep => s === 'interview' || s === 'offer' || s === 'reject';

/** The applications to one vacancy (or all the firm's), each moved on by the firm. */
export default function FirmApplicationsPage() {
  const { params } = useRouter();
  const vacancyId = params.vacancyId || undefined;
  const list = useLoad(
    () => labourApi.applications({ vacancyId }),
    (d) => d.items.length === 0,
  );
  const [open, setOpen] = useState<{ id: string; step: FormStep } | null>(null);
  const done = () => {
    setOpen(null);
    void Taro.showToast({ title: '已办理', icon: 'success' });
    list.reload();
  };
  const tap = async (a: Application, step: FirmStep) => {
    if (needsForm(step)) return setOpen({ id: a.id, step });
    try {
      await labourApi.step(a.id, step, {}, { silent: true });
      done();
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
  return (
    <View className="w-page firm-applications">
      <OfflineBanner onRetry={list.reload} />
      <PageState status={list.status} onRetry={list.reload} emptyTitle="还没有人投递">
        {list.data?.items.map((a) => (
          <View key={a.id} className="w-card">
            <Text className="w-card__title">
              {a.applicant.name} · {a.position}
            </Text>
            <Text className="w-line">
              {APPLICATION_STATUS_LABELS[a.status]} · 电话 {a.applicant.phone}
              {a.applicant.passColour ? ` · ${PASS_LABELS[a.applicant.passColour]}` : ''}
            </Text>
            {a.status === 'accepted' && a.employment ? (
              <Text className="w-muted">已定岗，{a.employment.startDay} 到岗</Text>
            ) : null}
            {(NEXT[a.status] ?? []).map((n) => (
              <Button key={n.step} block onClick={() => void tap(a, n.step)}>
                {n.label}
              </Button>
            ))}
            {open?.id === a.id ? <StepForm id={a.id} step={open.step} onDone={done} /> : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
