import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SeekerCard } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { PASS_LABELS } from '../../../services/format';
import { labourApi } from '../../../services/labour';
import { useLoad } from '../../../hooks/use-load';
import '../../../styles/worker.css';

/** What the firm may know of a seeker's health: their pass colour only where they agreed to show it. */
function passLine(c: SeekerCard): string {
  return c.passColour ? `通行码 ${PASS_LABELS[c.passColour]}` : '未公开健康码';
}

/**
 * 匹配人选: the job seekers fitting one of the firm's vacancies, best fit first, as the new-seekers
 * digest promises. Masked: a surname, what they want and can do, never an ID or phone — the firm
 * reaches a seeker only once they apply, on the applications page (where reading the phone is audited).
 */
export default function VacancyCandidatesPage() {
  const { params } = useRouter();
  const vacancyId = params.vacancyId ?? '';
  const list = useLoad(
    () => labourApi.candidates(vacancyId),
    (d) => d.items.length === 0,
  );
  return (
    <View className="w-page vacancy-candidates">
      <OfflineBanner onRetry={list.reload} />
      <Text className="w-muted">求职者投递前不显示身份证号和手机号</Text>
      <PageState status={list.status} onRetry={list.reload} emptyTitle="暂时没有符合该岗位的求职者">
        {list.data?.items.map((c) => (
          <View key={c.id} className="w-card">
            <Text className="w-card__title">
              {c.displayName}
              {c.score !== null ? ` · 匹配度 ${c.score}` : ''}
            </Text>
            <Text className="w-line">
              期望月薪 {c.expectedWage} 元 · {c.availableFrom} 起可到岗 · {passLine(c)}
            </Text>
            <Text className="w-line">
              意向：{[...c.wantedIndustries, ...c.wantedPositions].join('、') || '不限'}
            </Text>
            {c.skills.length + c.certificates.length > 0 ? (
              <Text className="w-muted">技能证书：{[...c.skills, ...c.certificates].join('、')}</Text>
            ) : null}
            {c.applied ? (
              <Button block onClick={() => openPage(PAGES.labourFirmApplications, { vacancyId })}>
                已投递，去处理
              </Button>
            ) : (
              <Text className="w-muted">尚未投递本岗位</Text>
            )}
          </View>
        ))}
      </PageState>
    </View>
  );
}
