import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { QrCode } from '../../components/qr-code';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { fetchPassToken, keptPass, type KeptPass } from '../../services/kept-pass';
import { useBoardingCode } from '../../hooks/use-boarding-code';
import { useRotatingCode } from '../../hooks/use-rotating-code';
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
  const userId = user?.id ?? '';
  // One key: the code is always the signed-in person's; the hook reads the latest fetch, so the
  // loop started on opening keeps its identity while the session loads.
  const {
    code: pass,
    status,
    expired,
    left,
    refresh,
  } = useRotatingCode(() => fetchPassToken(userId), 'self');

  if (!user) return <PageState status="loading" />;
  const kept = keptPass(user.id);
  if (params.bookingId)
    return <BoardingView name={user.name ?? ''} pass={pass} kept={kept} boarding={boarding} />;
  if (!pass && kept && status === 'offline')
    return <KeptPassView name={user.name ?? ''} kept={kept} retry={refresh} />;

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
