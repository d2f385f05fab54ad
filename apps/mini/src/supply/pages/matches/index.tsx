import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  MATCH_STATUS_LABELS,
  POST_SIDE_LABELS,
  SUPPLY_CATEGORY_LABELS,
  type PostSide,
  type SupplyMatch,
} from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { supplyApi } from '../../../services/supply';
import { useLoad } from '../../../hooks/use-load';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import '../../../styles/worker.css';

interface Contact {
  enterpriseName: string;
  name: string;
  phone: string;
}

/** Which side of the match the firm is on; null for 工信局 or the command looking on. */
function sideOf(m: SupplyMatch, firmId: string | null): PostSide | null {
  if (firmId && m.supply.enterpriseId === firmId) return 'supply';
  if (firmId && m.demand.enterpriseId === firmId) return 'demand';
  return null;
}

/**
 * 对接: the firm's matches. The side that did not propose confirms; once confirmed each side may
 * read the other's contact (查看联系方式), a read the server records in the audit log.
 */
export default function SupplyMatchesPage() {
  const user = useSignedInUser();
  const firmId = user?.enterpriseId ?? null;
  const list = useLoad(
    () => supplyApi.matches(),
    (d) => d.items.length === 0,
  );
  const [contacts, setContacts] = useState<Record<string, Contact>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState('');

  const run = async (m: SupplyMatch, what: 'confirm' | 'contact') => {
    setBusy(m.id);
    setProblems((p) => ({ ...p, [m.id]: '' }));
    try {
      if (what === 'confirm') {
        await supplyApi.confirm(m.id, { silent: true });
        void Taro.showToast({ title: '已确认对接', icon: 'success' });
        list.reload();
      } else {
        const c = await supplyApi.contact(m.id);
        setContacts((all) => ({ ...all, [m.id]: c }));
      }
    } catch (error) {
      setProblems((p) => ({ ...p, [m.id]: (error as Error).message }));
    } finally {
      setBusy('');
    }
  };

  const card = (m: SupplyMatch) => {
    const side = sideOf(m, firmId);
    const other = side === 'supply' ? m.demand : m.supply;
    const contact = contacts[m.id];
    const confirmed = m.status === 'confirmed';
    const pending = m.status === 'proposed';
    const canConfirm = pending && side !== null && side !== m.proposedBy;
    const proposer =
      side === null ? `${POST_SIDE_LABELS[m.proposedBy]}方` : side === m.proposedBy ? '我方' : '对方';
    return (
      <View key={m.id} className="w-card supply-match">
        <Text className="w-card__title">
          {SUPPLY_CATEGORY_LABELS[m.category]} · {MATCH_STATUS_LABELS[m.status]}
        </Text>
        {side ? (
          <>
            <Text className="w-line">
              我方{POST_SIDE_LABELS[side]}：{side === 'supply' ? m.supply.title : m.demand.title}
            </Text>
            <Text className="w-line">
              对方{POST_SIDE_LABELS[other.side]}：{other.enterpriseName}「{other.title}」{other.quantity}{' '}
              {other.unit}
            </Text>
          </>
        ) : (
          <Text className="w-line">
            供方 {m.supply.enterpriseName}「{m.supply.title}」· 需方 {m.demand.enterpriseName}「
            {m.demand.title}」
          </Text>
        )}
        <Text className="w-muted">
          {proposer}发起 · 相距约 {m.distanceKm.toFixed(1)} km
        </Text>
        {m.endedReason ? <Text className="w-warn">{m.endedReason}</Text> : null}
        {problems[m.id] ? <Text className="w-error">{problems[m.id]}</Text> : null}
        {canConfirm ? (
          <Button type="primary" block loading={busy === m.id} onClick={() => void run(m, 'confirm')}>
            确认对接
          </Button>
        ) : null}
        {pending && side !== null && !canConfirm ? <Text className="w-muted">等待对方确认</Text> : null}
        {confirmed && side !== null && !contact ? (
          <Button block loading={busy === m.id} onClick={() => void run(m, 'contact')}>
            查看联系方式
          </Button>
        ) : null}
        {contact ? (
          <Text className="w-line supply-match__contact">
            {contact.enterpriseName} 联系人 {contact.name} {contact.phone}
          </Text>
        ) : null}
      </View>
    );
  };

  return (
    <View className="w-page supply-matches">
      <OfflineBanner onRetry={list.reload} />
      <PageState
        status={list.status}
        onRetry={list.reload}
        emptyTitle="还没有对接"
        emptyDescription="在供需信息里查看匹配并发起对接"
      >
        {list.data?.items.map(card)}
      </PageState>
    </View>
  );
}
