import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UploadCount } from '../../../hooks/use-boarding-queue';
import type { UploadResult } from '../../../services/boarding-queue';

/**
 * What the marshal needs to know about scans made without signal: this one is kept (not yet
 * boarded — the server decides), how many wait, how far an upload has got (it starts by
 * itself when the network is back), and a way to upload them now.
 */
export function QueuedScans(props: {
  queued: boolean;
  pending: number;
  uploading: boolean;
  progress: UploadCount | null;
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
          {props.uploading && props.progress ? (
            <Text className="w-line">
              正在上传 {props.progress.done}/{props.progress.total} 条
            </Text>
          ) : null}
          <Button loading={props.uploading} disabled={props.uploading} onClick={props.onUpload}>
            立即上传
          </Button>
        </>
      ) : (
        <Text className="w-muted">离线扫码已全部上传</Text>
      )}
      {props.results.length > 0 ? (
        <Text className="w-card__title">已上传 {props.results.length} 条</Text>
      ) : null}
      {props.results.map((r) => (
        <Text key={r.scan.key} className={r.boarded ? 'w-line' : 'w-error'}>
          {r.boarded ? `${r.text} 已上车` : `不能上车：${r.text}`}
        </Text>
      ))}
    </View>
  );
}
