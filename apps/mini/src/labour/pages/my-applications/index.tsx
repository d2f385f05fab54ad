import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPLICATION_STATUS_LABELS, INTERVIEW_MODE_LABELS, type Application } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { AgreementCard } from '../../../components/sharing-agreement-card';
import { openPage, PAGES } from '../../../navigation';
import { toChinaDateTime } from '../../../services/format';
import { labourApi, type SeekerStep } from '../../../services/labour';
import { sharingApi } from '../../../services/sharing';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/** What the worker may do at each state: withdraw before an offer, accept or decline an offer. */
const MY_STEPS: Partial<Record<Application['status'], { step: SeekerStep; label: string }[]>> = {
  applied: [{ step: 'withdraw', label: '撤回投递' }],
  shortlisted: [{ step: 'withdraw', label: '撤回投递' }],
  interview: [{ step: 'withdraw', label: '撤回投递' }],
  offered: [
    { step: 'accept', label: '接受录用（定岗）' },
    { step: 'decline', label: '婉拒' },
  ],
};

/** 我的求职: each application's progress (先寻岗、再定岗、后到岗), and the worker's own steps. */
export default function MyApplicationsPage() {
  const list = useLoad(
    () => labourApi.applications(),
    (d) => d.items.length === 0,
  );
  // 用工调剂: a worker their employer lends out sees where, for how long and who pays insurance.
  const lent = useLoad(() => sharingApi.lent());
  const move = async (a: Application, step: SeekerStep) => {
    try {
      await labourApi.step(a.id, step, {}, { silent: true });
      void Taro.showToast({
        title: step === 'accept' ? '已定岗，请查看返岗车次' : '已办理',
        icon: 'success',
      });
      list.reload();
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
  return (
    <View className="w-page my-applications">
      <OfflineBanner onRetry={list.reload} />
      {lent.data?.items.length ? (
        <View className="w-card">
          <Text className="w-card__title">我的借调安排（劳动关系不变）</Text>
        </View>
      ) : null}
      {lent.data?.items.map((a) => (
        <AgreementCard key={a.id} agreement={a} />
      ))}
      <PageState
        status={list.status}
        onRetry={list.reload}
        emptyTitle="还没有投递记录"
        action={{ label: '去找工作', onClick: () => openPage(PAGES.labourVacancies) }}
      >
        {list.data?.items.map((a) => (
          <View key={a.id} className="w-card">
            <Text className="w-card__title">
              {a.position} · {a.enterpriseName}
            </Text>
            <Text className="w-line">进度：{APPLICATION_STATUS_LABELS[a.status]}</Text>
            {a.interview ? (
              <Text className="w-line">
                面试：{INTERVIEW_MODE_LABELS[a.interview.mode]} {toChinaDateTime(a.interview.at)}{' '}
                {a.interview.link ?? a.interview.point ?? ''}
              </Text>
            ) : null}
            {a.offer ? (
              <Text className="w-line">
                录用：月薪 {a.offer.wage} 元，{a.offer.startDay} 到岗，合同 {a.offer.contractMonths} 个月
                {a.offer.socialInsurance ? '，缴纳社保' : ''}
              </Text>
            ) : null}
            {a.status === 'accepted' || a.status === 'arrived' ? (
              <Button block onClick={() => openPage(PAGES.labourWayThere, { id: a.id })}>
                查看返岗车次
              </Button>
            ) : null}
            {(MY_STEPS[a.status] ?? []).map((s) => (
              <Button
                key={s.step}
                type={s.step === 'accept' ? 'primary' : 'default'}
                block
                onClick={() => void move(a, s.step)}
              >
                {s.label}
              </Button>
            ))}
          </View>
        ))}
      </PageState>
    </View>
  );
}
