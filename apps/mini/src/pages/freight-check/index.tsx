import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CARGO_LABELS, VEHICLE_LABELS, type FreightCheckResult } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { useSubmissionKey } from '../../forms/use-submission-key';
import { canScanCode, readStored, scanBoardingCode, writeStored } from '../../platform';
import { freightApi } from '../../services/freight';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { shortTime } from '../../components/freight-pass-card';
import '../../styles/worker.css';
import '../../styles/freight.css';

const POST_KEY = 'freight.checkpoint';
interface Post {
  code: string;
  name: string;
}

/**
 * 卡口核验: the checker states their post once (remembered on the phone), then scans each lorry's
 * QR (the WeChat camera; on H5 the code is typed or pasted). The answer is big and coloured —
 * green only for a valid pass — with plate, cargo and the masked driver to compare with the cab.
 */
export default function FreightCheckPage() {
  const user = useSignedInUser();
  const [post, setPost] = useState<Post>(() => readStored<Post>(POST_KEY) ?? { code: '', name: '' });
  const [token, setToken] = useState('');
  const [result, setResult] = useState<FreightCheckResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { keyFor, settle } = useSubmissionKey();
  if (!user) return <PageState status="loading" />;

  const check = async (code: string) => {
    const body = { token: code.trim(), checkpoint: { code: post.code.trim(), name: post.name.trim() } };
    if (!body.checkpoint.code || !body.checkpoint.name) {
      setError('请先填写卡口编号和名称');
      return;
    }
    if (!body.token) {
      setError('请扫码或粘贴通行证二维码');
      return;
    }
    writeStored(POST_KEY, body.checkpoint);
    setBusy(true);
    setError('');
    try {
      setResult(await freightApi.check(body, { idempotencyKey: keyFor(body), silent: true }));
      settle();
      setToken('');
    } catch (e) {
      settle(e);
      setResult(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const scan = async () => {
    const code = await scanBoardingCode();
    if (code) await check(code);
  };

  const p = result?.pass ?? null;
  return (
    <View className="w-page freight-check">
      <OfflineBanner />
      <View className="w-card">
        <Text className="w-label">卡口编号</Text>
        <Input
          name="checkpointCode"
          placeholder="如 G15-YY01"
          value={post.code}
          onChange={(v) => setPost((o) => ({ ...o, code: v.toUpperCase() }))}
        />
        <Text className="w-label">卡口名称</Text>
        <Input
          name="checkpointName"
          placeholder="如 沈海高速余姚收费站"
          value={post.name}
          onChange={(v) => setPost((o) => ({ ...o, name: v }))}
        />
        {canScanCode ? (
          <View className="w-actions">
            <Button type="primary" block loading={busy} disabled={busy} onClick={scan}>
              扫描通行证
            </Button>
          </View>
        ) : null}
        <Text className="w-label">通行证二维码</Text>
        <Input name="token" placeholder="扫码结果（或粘贴二维码内容）" value={token} onChange={setToken} />
        <View className="w-actions">
          <Button
            type={canScanCode ? 'default' : 'primary'}
            block
            loading={busy}
            disabled={busy}
            onClick={() => check(token)}
          >
            核验
          </Button>
        </View>
        {error ? <Text className="w-error">{error}</Text> : null}
      </View>
      {result ? (
        <View className="w-card">
          <View className={`fp-verdict ${result.result === 'valid' ? 'fp-verdict--ok' : 'fp-verdict--bad'}`}>
            <Text>{result.result === 'valid' ? '准予通行' : '不予通行'}</Text>
          </View>
          <Text className="w-card__title">{result.message}</Text>
          {p ? (
            <>
              <Text className="fp-plate">{p.plate}</Text>
              <Text className="w-line">
                {CARGO_LABELS[p.cargo]} · {VEHICLE_LABELS[p.vehicleType]} · {p.enterpriseName}
              </Text>
              <Text className="w-line">
                驾驶员 {p.driver.name} · {p.driver.phone} · {p.driver.idNumber}
              </Text>
              <Text className="w-muted">
                {p.route.originText} → {p.route.destinationText}
              </Text>
              <Text className="w-muted">
                有效期 {shortTime(p.validFrom)} 至 {shortTime(p.validUntil)}
              </Text>
            </>
          ) : null}
          <Text className="w-muted">核验时间 {shortTime(result.checkedAt)}（已记录）</Text>
        </View>
      ) : null}
    </View>
  );
}
