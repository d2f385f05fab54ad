import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CARGO_LABELS } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { ApiError } from '../../services/api-error';
import { freightApi } from '../../services/freight';
import { useLoad } from '../../hooks/use-load';
import { useRotatingCode } from '../../hooks/use-rotating-code';
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
  const { code, status, refusal, expired, left, refresh } = useRotatingCode(
    passId ? () => freightApi.token(passId) : null,
    passId,
    // Revoked, expired or not approved: no code to show, and no point retrying.
    (error) =>
      error instanceof ApiError && (error.status === 422 || error.status === 404) ? error.message : null,
  );

  if (!passId) {
    return (
      <View className="w-page freight-pass">
        <OfflineBanner onRetry={mine.reload} />
        <PageState status={mine.status} onRetry={mine.reload} emptyTitle="没有以您手机号申请的通行证">
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
