import { Text, View } from '@tarojs/components';
import type { BoardingToken } from '@fugong/contracts';
import { QrCode } from '../qr-code';
import { formatTime } from '../../services/format';
import './index.css';

/**
 * The offline boarding code: the QR and, in words, what it is good for — this trip's boarding
 * window — and when it was fetched, so a worker at a stop without signal knows it still counts.
 */
export function BoardingCode({ code, offline }: { code: BoardingToken; offline: boolean }) {
  return (
    <View className="boarding-code">
      <QrCode className="w-qr" text={code.token} />
      <Text className="boarding-code__badge">
        {offline ? '无网络 · 离线上车码' : '上车码 · 无网络也可用'}
      </Text>
      <Text className="w-line">
        {formatTime(code.validFrom)} 至 {formatTime(code.validUntil)} 上车有效
      </Text>
      <Text className="w-muted">获取于 {formatTime(code.fetchedAt)}，上车后或取消预订后失效</Text>
    </View>
  );
}
