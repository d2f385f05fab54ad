import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ManifestRow, PassReason } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { PrivacyPrompt } from '../../../components/privacy-prompt';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { ApiError, isOfflineError } from '../../../services/api-error';
import { openPage, PAGES } from '../../../navigation';
import { canScanCode, scanBoardingCode } from '../../../platform';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { TripRow } from '../../../components/trip-row';
import { useLoad } from '../../../hooks/use-load';
import { workerApi } from '../../../services/worker-api';
import { useBoardingQueue } from '../../../hooks/use-boarding-queue';
import { QueuedScans } from './queued-scans';
import '../../../styles/worker.css';

type Outcome =
  | { kind: 'boarded'; row: ManifestRow; again: boolean }
  | { kind: 'refused'; message: string; reasons: PassReason[] }
  | { kind: 'queued' };

/**
 * 上车核验 for the marshal: pick the trip, scan the passenger's code (the camera on both WeChat and
 * H5; a typed/pasted box stays for a broken camera), take the
 * temperature at the door, and board or refuse. Non-green passes are refused by the server.
 * Without signal the scan is kept on this phone and uploaded when the network is back (the
 * check still happens on the server, at the time of the scan).
 */
export default function MarshalScanPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const [tripId, setTripId] = useState(params.tripId ?? '');
  const trips = useLoad(
    () => workerApi.trips({ status: 'published', pageSize: 50 }),
    (d) => d.items.length === 0,
  );
  const [token, setToken] = useState('');
  const [temperature, setTemperature] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();
  const queue = useBoardingQueue(() => trips.reload());
  if (!user) return <PageState status="loading" />;
  const trip = trips.data?.items.find((t) => t.id === tripId) ?? null;

  const scan = async () => {
    const code = await scanBoardingCode();
    if (code) setToken(code);
  };
  const submit = async () => {
    const body = { token: token.trim(), temperature: Number(temperature) };
    if (!body.token || !Number.isFinite(body.temperature) || temperature.trim() === '') {
      setOutcome({ kind: 'refused', message: '请先扫码并填写上车体温', reasons: [] });
      return;
    }
    setBusy(true);
    try {
      const res = await workerApi.board(tripId, body, {
        idempotencyKey: keyFor({ tripId, ...body }),
        silent: true,
      });
      settle();
      setOutcome({ kind: 'boarded', row: res.row, again: res.alreadyBoarded });
      setToken('');
      setTemperature('');
      // The 已上车 counter comes from the trip: fetch it again so the marshal sees it move.
      trips.reload();
    } catch (error) {
      settle(error);
      if (isOfflineError(error)) {
        queue.keep({ tripId, ...body });
        setOutcome({ kind: 'queued' });
        setToken('');
        setTemperature('');
        return;
      }
      const reasons =
        error instanceof ApiError
          ? ((error.details as { reasons?: PassReason[] } | undefined)?.reasons ?? [])
          : [];
      setOutcome({ kind: 'refused', message: (error as Error).message, reasons });
    } finally {
      setBusy(false);
    }
  };

  if (!trip) {
    return (
      <View className="w-page marshal-scan">
        <OfflineBanner onRetry={trips.reload} />
        <PageState status={trips.status} onRetry={trips.reload} emptyTitle="暂无已发布的班次">
          <View className="w-card">
            <Text className="w-card__title">选择要核验的班次</Text>
            {(trips.data?.items ?? []).map((t) => (
              <TripRow key={t.id} trip={t} onOpen={() => setTripId(t.id)} />
            ))}
          </View>
        </PageState>
      </View>
    );
  }
  return (
    <View className="w-page marshal-scan">
      <OfflineBanner onRetry={trips.reload} />
      <PrivacyPrompt purpose="扫描乘车码要使用相机" />
      <View className="w-card">
        <Text className="w-card__title">
          {trip.originName} · {trip.vehicle.plate}
        </Text>
        <Text className="w-muted">
          已订 {trip.bookedCount} / {trip.capacity}，已上车 {trip.boardedCount}
        </Text>
        {canScanCode ? (
          <Button type="primary" onClick={scan}>
            扫描上车码
          </Button>
        ) : null}
        <Text className="w-label">上车码</Text>
        <Input name="token" placeholder="扫码结果（或粘贴上车码）" value={token} onChange={setToken} />
        <Text className="w-label">上车测温（℃）</Text>
        <Input
          name="temperature"
          type="digit"
          placeholder="例如 36.5"
          value={temperature}
          onChange={setTemperature}
        />
        <View className="w-actions">
          <Button type="primary" loading={busy} disabled={busy} onClick={submit}>
            核验上车
          </Button>
          <Button onClick={() => openPage(PAGES.manifest, { tripId })}>乘客名单</Button>
        </View>
      </View>
      <QueuedScans
        queued={outcome?.kind === 'queued'}
        pending={queue.pending.length}
        uploading={queue.uploading}
        progress={queue.progress}
        results={queue.results}
        onUpload={() => void queue.upload()}
      />
      {outcome?.kind === 'boarded' ? (
        <View className="w-card">
          <View className="w-pass w-pass--green">
            <Text className="w-pass__color">{outcome.again ? '已上车（重复扫码）' : '核验通过'}</Text>
          </View>
          <Text className="w-line">
            {outcome.row.name ?? '乘客'} · 座位 {outcome.row.seatNo ?? '-'} ·{' '}
            {outcome.row.boardingTemperature?.toFixed(1)} ℃
          </Text>
        </View>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <View className="w-card">
          <View className="w-pass w-pass--red">
            <Text className="w-pass__color">不能上车</Text>
          </View>
          <Text className="w-error">{outcome.message}</Text>
          {outcome.reasons.map((r) => (
            <Text key={r.code + r.message} className="w-line w-warn">
              · {r.message}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
