import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { VACANCY_STATUS_LABELS, type Vacancy } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { labourApi } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/**
 * 招工岗位: the vacancies of the firm (or, for an agency, of the firms it serves). A vacancy not
 * confirmed for 7 days is hidden from workers, so the stale ones say so and offer 确认仍在招.
 */
export default function FirmVacanciesPage() {
  const list = useLoad(
    () => labourApi.mine(),
    (d) => d.items.length === 0,
  );
  const act = async (v: Vacancy, what: 'confirm' | 'withdraw') => {
    if (what === 'withdraw') {
      const ok = await Taro.showModal({
        title: '撤回岗位',
        content: `撤回后「${v.position}」不再接受投递，确定撤回？`,
      });
      if (!ok.confirm) return;
    }
    try {
      await (what === 'confirm'
        ? labourApi.confirm(v.id, { silent: true })
        : labourApi.withdrawVacancy(v.id, { silent: true }));
      void Taro.showToast({
        title: what === 'confirm' ? '已确认，岗位继续展示' : '岗位已撤回',
        icon: 'success',
      });
      list.reload();
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };
  const live = (v: Vacancy) => v.status !== 'withdrawn';
  return (
    <View className="w-page firm-vacancies">
      <OfflineBanner onRetry={list.reload} />
      <View className="w-actions">
        <Button type="primary" block onClick={() => openPage(PAGES.labourVacancyForm)}>
          发布空岗（免费）
        </Button>
      </View>
      <PageState status={list.status} onRetry={list.reload} emptyTitle="还没有发布岗位">
        {list.data?.items.map((v) => (
          <View key={v.id} className="w-card">
            <Text className="w-card__title">
              {v.position} · {v.enterpriseName}
            </Text>
            <Text className="w-line">
              {VACANCY_STATUS_LABELS[v.status]} · 已录用 {v.filled}/{v.headcount} 人 · 月薪 {v.wageMin}–
              {v.wageMax} 元
            </Text>
            {v.stale && live(v) ? (
              <Text className="w-warn">超过 7 天未确认，求职者已看不到该岗位</Text>
            ) : null}
            <Button block onClick={() => openPage(PAGES.labourFirmApplications, { vacancyId: v.id })}>
              查看投递
            </Button>
            {live(v) ? (
              <Button block onClick={() => openPage(PAGES.labourVacancyCandidates, { vacancyId: v.id })}>
                匹配人选
              </Button>
            ) : null}
            {live(v) ? (
              <>
                <Button type={v.stale ? 'primary' : 'default'} block onClick={() => void act(v, 'confirm')}>
                  确认仍在招
                </Button>
                <Button block onClick={() => openPage(PAGES.labourVacancyForm, { id: v.id })}>
                  修改
                </Button>
                <Button block onClick={() => void act(v, 'withdraw')}>
                  撤回
                </Button>
              </>
            ) : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
