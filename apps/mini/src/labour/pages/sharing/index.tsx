import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SHARING_KIND_LABELS, type SharingAgreement, type SharingPost } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { RegionName } from '../../../components/region-name';
import { openPage, PAGES } from '../../../navigation';
import { labourApi } from '../../../services/labour';
import { sharingApi } from '../../../services/sharing';
import { useLoad } from '../../../hooks/use-load';
import { AgreementCard, decidingFirm } from '../../../components/sharing-agreement-card';
import { ProposeForm } from './propose-form';
import '../../../styles/worker.css';

const left = (p: SharingPost) => p.headcount - p.agreed;

/**
 * 用工调剂 for a firm (its liaison or agency): its own posts, the arrangements waiting for it or
 * made, and other firms' posts it can pair with (surplus with shortage). Lent workers keep their
 * employer; the arrangement says for how long, on what terms and who pays social insurance.
 */
export default function SharingPage() {
  const load = useLoad(async () => {
    const [firms, mine, agreements, board] = await Promise.all([
      labourApi.firms(),
      sharingApi.mine(),
      sharingApi.agreements(),
      sharingApi.board(),
    ]);
    return {
      firms: firms.items.map((f) => f.id),
      mine: mine.items,
      agreements: agreements.items,
      board: board.items,
    };
  });
  const [pairing, setPairing] = useState<SharingPost | null>(null);
  const [busy, setBusy] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const d = load.data;

  const act = async (id: string, run: () => Promise<unknown>, done: string) => {
    setBusy(id);
    setProblems((p) => ({ ...p, [id]: '' }));
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
      load.reload();
    } catch (error) {
      setProblems((p) => ({ ...p, [id]: (error as Error).message }));
    } finally {
      setBusy('');
    }
  };
  const decide = (a: SharingAgreement, step: 'agree' | 'decline') =>
    act(a.id, () => sharingApi[step](a.id, { silent: true }), step === 'agree' ? '已确认调剂' : '已婉拒');

  const others = d ? d.board.filter((p) => !d.firms.includes(p.enterpriseId)) : [];
  const ownOpposite = (p: SharingPost) =>
    d ? d.mine.filter((m) => m.status === 'open' && m.kind !== p.kind && left(m) > 0) : [];

  return (
    <View className="w-page sharing">
      <OfflineBanner onRetry={load.reload} />
      <View className="w-actions">
        <Button type="primary" block onClick={() => openPage(PAGES.labourSharingForm)}>
          发布用工调剂
        </Button>
      </View>
      <PageState status={load.status} onRetry={load.reload}>
        {d ? (
          <>
            <View className="w-card">
              <Text className="w-card__title">调剂约定</Text>
              {d.agreements.length === 0 ? <Text className="w-muted">还没有调剂约定</Text> : null}
            </View>
            {d.agreements.map((a) => (
              <AgreementCard
                key={a.id}
                agreement={a}
                busy={busy === a.id}
                problem={problems[a.id]}
                onDecide={d.firms.includes(decidingFirm(a)) ? (step) => void decide(a, step) : undefined}
              />
            ))}
            <View className="w-card">
              <Text className="w-card__title">本企业的发布</Text>
              {d.mine.length === 0 ? <Text className="w-muted">还没有发布</Text> : null}
              {d.mine.map((p) => (
                <View key={p.id} className="w-row sharing-mine">
                  <Text className="w-line">
                    {SHARING_KIND_LABELS[p.kind]} · {p.industry} {p.headcount} 人（已约定 {p.agreed} 人）·{' '}
                    {p.fromDay} 至 {p.toDay}
                    {p.status === 'closed' ? ' · 已结束' : ''}
                  </Text>
                  {problems[p.id] ? <Text className="w-error">{problems[p.id]}</Text> : null}
                  {p.status === 'open' ? (
                    <Button
                      size="small"
                      disabled={busy === p.id}
                      onClick={() =>
                        void act(p.id, () => sharingApi.close(p.id, { silent: true }), '已结束发布')
                      }
                    >
                      结束发布
                    </Button>
                  ) : null}
                </View>
              ))}
            </View>
            <View className="w-card">
              <Text className="w-card__title">其他企业的调剂信息</Text>
              {others.length === 0 ? <Text className="w-muted">暂无其他企业的调剂信息</Text> : null}
              {others.map((p) => (
                <View key={p.id} className="sharing-board">
                  <Text className="w-line">
                    {p.enterpriseName} · {SHARING_KIND_LABELS[p.kind]} {left(p)} 人 · {p.industry}
                  </Text>
                  <Text className="w-muted">
                    {p.fromDay} 至 {p.toDay}
                    {p.note ? ` · ${p.note}` : ''}
                  </Text>
                  <RegionName className="w-muted" code={p.regionCode} />
                  <Button size="small" onClick={() => setPairing(p)}>
                    {p.kind === 'surplus' ? '商定借用' : '商定借出'}
                  </Button>
                  {pairing?.id === p.id ? (
                    <ProposeForm
                      counterpart={p}
                      own={ownOpposite(p)}
                      onSent={() => {
                        setPairing(null);
                        load.reload();
                      }}
                    />
                  ) : null}
                </View>
              ))}
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
