import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UploadResult } from '../../../services/boarding-queue';

/**
 * What the marshal needs to know about scans made without signal: this one is kept (not yet
 * boarded — the server decides), how many wait, and a way to upload them now.
 */
export function QueuedScans(props: {
  queued: boolean;
  pending: number;
  uploading: boolean;
  results: UploadResult[];
  onUpload: () => void;
}) {
  if (!props.queued && props.pending === 0 && props.results.length === 0) return null;
  return (
    <View className="w-card marshal-scan__queue">
      {props.queued ? (
        <Text className="w-card__title">无网络：已保存本次扫码，联网后自动上传核验</Text>
      ) : null}
      {props.pending > 0 ? (
        <>
          <Text className="w-line">
            待上传 {props.pending} 条扫码记录（按扫码时间核验，重复上传不会重复登记）
          </Text>
          <Button loading={props.uploading} disabled={props.uploading} onClick={props.onUpload}>
            立即上传
          </Button>
        </>
      ) : (
        <Text className="w-muted">离线扫码已全部上传</Text>
      )}
      {props.results.map((r) => (
        <Text key={r.scan.key} className={r.boarded ? 'w-line' : 'w-error'}>
          {r.boarded ? `${r.text} 已上车` : `不能上车：${r.text}`}
        </Text>
      ))}
    </View>
  );
}
