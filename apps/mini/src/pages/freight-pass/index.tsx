import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CARGO_LABELS, type FreightToken } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState, statusForError, type PageStatus } from '../../components/page-state';
import { ApiError } from '../../services/api-error';
import { freightApi } from '../../services/freight';
import { useLoad } from '../../hooks/use-load';
import { FreightPassCard, shortTime } from '../../components/freight-pass-card';
import '../../styles/worker.css';
import '../../styles/freight.css';

/**
 * 我的货车通行证 on the driver's phone: pick the pass, show a big black-on-white QR that lives 90 s
 * and is replaced every minute while the page is open — a screenshot or a forwarded picture
 * stops working within two minutes. The checkpoint reads the pass's status at each scan.
 */
export default function FreightPassPage() {
  const { params } = useRouter();
  const [passId, setPassId] = useState(params.id ?? '');
  const mine = useLoad(
    () => freightApi.driving(),
    (d) => d.items.length === 0,
  );
  const [code, setCode] = useState<FreightToken | null>(null);
  const [status, setStatus] = useState<PageStatus>('loading');
  const [refusal, setRefusal] = useState('');
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tick = useRef<ReturnType<typeof setInterval> | null>(null);
  const inFlight = useRef(false);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (tick.current) clearInterval(tick.current);
    timer.current = null;
    tick.current = null;
  }, []);

  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (!passId) return;
    inFlight.current = true;
    freightApi.token(passId).then(
      (fresh) => {
        inFlight.current = false;
        setCode(fresh);
        setRefusal('');
        setStatus('ready');
        timer.current = setTimeout(refresh, fresh.refreshInSec * 1000);
      },
      (error: unknown) => {
        inFlight.current = false;
        if (error instanceof ApiError && (error.status === 422 || error.status === 404)) {
          // Revoked, expired or not approved: no code to show, and no point retrying.
          setCode(null);
          setRefusal(error.message);
          setStatus('ready');
          return;
        }
        setStatus((s) => (s === 'ready' ? s : statusForError(error)));
        timer.current = setTimeout(refresh, 10_000);
      },
    );
  }, [passId]);

  useDidShow(
    useCallback(() => {
      // Back on the page after hiding it: the timers were stopped, so fetch a fresh code.
      if (!inFlight.current && !timer.current) refresh();
      if (!tick.current) tick.current = setInterval(() => setNow(Date.now()), 1000);
    }, [refresh]),
  );
  // A pass picked from the list (or given by the route): fetch its code unless one is on its way.
  useEffect(() => {
    if (!inFlight.current) refresh();
  }, [refresh]);
  useDidHide(stop);
  useEffect(() => stop, [stop]);

  if (!passId) {
    return (
      <View className="w-page freight-pass">
        <OfflineBanner onRetry={mine.reload} />
        <PageState
          status={mine.status}
          onRetry={mine.reload}
          title={mine.status === 'empty' ? '没有以您手机号申请的通行证' : undefined}
        >
          <View className="w-card">
            <Text className="w-card__title">选择要出示的通行证</Text>
            {(mine.data?.items ?? []).map((p) => (
              <FreightPassCard key={p.id} pass={p} onOpen={() => setPassId(p.id)} />
            ))}
          </View>
        </PageState>
      </View>
    );
  }

  const expired = code ? now >= new Date(code.expiresAt).getTime() : true;
  const left = code ? Math.max(0, Math.ceil((new Date(code.expiresAt).getTime() - now) / 1000)) : 0;
  return (
    <View className="w-page freight-pass">
      <OfflineBanner onRetry={refresh} />
      <PageState status={status} onRetry={refresh}>
        {refusal ? (
          <View className="w-card">
            <View className="fp-verdict fp-verdict--bad">
              <Text>不能出示</Text>
            </View>
            <Text className="w-error">{refusal}</Text>
          </View>
        ) : code ? (
          <View className="w-card fp-qr-card">
            <Text className="fp-plate">{code.pass.plate}</Text>
            <Text className="w-line">
              {CARGO_LABELS[code.pass.cargo]} · {code.pass.enterpriseName}
            </Text>
            {expired ? (
              <Text className="w-error">二维码已过期，请连接网络后刷新</Text>
            ) : (
              <>
                <Image className="fp-qr" src={code.qrDataUrl} />
                <Text className="w-muted">卡口请扫此码，{left} 秒后失效（页面自动更新），截图无效</Text>
              </>
            )}
            <Text className="w-muted">
              有效期 {shortTime(code.pass.validFrom)} 至 {shortTime(code.pass.validUntil)}
            </Text>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
