import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PassToken } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState, statusForError, type PageStatus } from '../../components/page-state';
import { QrCode } from '../../components/qr-code';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { fetchPassToken, keptPass, type KeptPass } from '../../services/kept-pass';
import { useBoardingCode } from '../../hooks/use-boarding-code';
import { BoardingView } from './boarding-view';
import { PassColour } from './pass-colour';
import '../../styles/worker.css';

/**
 * 我的通行码 / 上车码: colour, reasons, and a QR code carrying a signed token that lives 90 s,
 * drawn on the phone from the token (components/qr-code).
 * The page fetches a fresh one every minute while it is shown, so a screenshot is useless to
 * anyone else; when no fresh code can be had, the old one is hidden once it expires.
 * Opened for a booking (`bookingId`), it shows that trip's offline boarding code instead,
 * which stays valid without signal for the boarding window. Without signal either way, the
 * colour last read is shown from the phone (services/kept-pass), marked 离线 with its time.
 */
export default function PassPage() {
  const user = useSignedInUser();
  const { params } = useRouter();
  const boarding = useBoardingCode(params.bookingId);
  const [pass, setPass] = useState<PassToken | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tick = useRef<ReturnType<typeof setInterval> | null>(null);
  // A ref, so the refresh loop started on show keeps one identity while the session loads.
  const userId = useRef(user?.id ?? '');
  userId.current = user?.id ?? '';

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (tick.current) clearInterval(tick.current);
    timer.current = null;
    tick.current = null;
  }, []);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    fetchPassToken(userId.current).then(
      (fresh) => {
        setPass(fresh);
        setStatus('ready');
        timer.current = setTimeout(refresh, fresh.refreshInSec * 1000);
      },
      (error: unknown) => {
        setStatus((s) => (s === 'ready' ? s : statusForError(error)));
        timer.current = setTimeout(refresh, 10_000);
      },
    );
  }, []);

  useDidShow(
    useCallback(() => {
      refresh();
      if (!tick.current) tick.current = setInterval(() => setNow(Date.now()), 1000);
    }, [refresh]),
  );
  useDidHide(stop);
  useEffect(() => stop, [stop]);

  if (!user) return <PageState status="loading" />;
  const kept = keptPass(user.id);
  if (params.bookingId)
    return <BoardingView name={user.name ?? ''} pass={pass} kept={kept} boarding={boarding} />;
  if (!pass && kept && status === 'offline')
    return <KeptPassView name={user.name ?? ''} kept={kept} retry={refresh} />;
  const expired = pass ? now >= new Date(pass.expiresAt).getTime() : true;
  const left = pass ? Math.max(0, Math.ceil((new Date(pass.expiresAt).getTime() - now) / 1000)) : 0;

  return (
    <View className="w-page pass">
      <OfflineBanner onRetry={refresh} />
      <PageState status={status} onRetry={refresh}>
        {pass ? (
          <View className="w-card">
            <PassColour color={pass.pass.color} name={user.name ?? ''} />
            {expired ? (
              <Text className="w-error">二维码已过期，请连接网络后刷新</Text>
            ) : (
              <>
                <QrCode className="w-qr" text={pass.token} />
                <Text className="w-muted">上车时请出示此码，{left} 秒后失效（页面自动更新），截图无效</Text>
              </>
            )}
            {pass.pass.reasons.map((r) => (
              <Text key={r.code} className="w-line w-warn">
                · {r.message}
              </Text>
            ))}
            {pass.pass.color !== 'green' ? (
              <View className="w-actions">
                <Button type="primary" onClick={() => openPage(PAGES.checkin)}>
                  去打卡
                </Button>
              </View>
            ) : null}
            <Text className="w-muted" onClick={() => openPage(PAGES.profile)}>
              完善或查看个人资料 ›
            </Text>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}

/** No signal since the page opened: the colour kept on the phone, and no QR (it needs the server). */
function KeptPassView({ name, kept, retry }: { name: string; kept: KeptPass; retry: () => void }) {
  return (
    <View className="w-page pass">
      <OfflineBanner onRetry={retry} />
      <View className="w-card">
        <PassColour color={kept.pass.color} name={name} keptAt={kept.fetchedAt} />
        <Text className="w-muted">二维码需要联网获取，有网络后自动更新</Text>
        {kept.pass.reasons.map((r) => (
          <Text key={r.code} className="w-line w-warn">
            · {r.message}
          </Text>
        ))}
      </View>
    </View>
  );
}
