import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { registryImportRoutes, type RegistryImport } from '@fugong/contracts';
import { PageState } from '../../../components/page-state';
import { useDownload } from '../../../hooks/use-download';
import { useLoad } from '../../../hooks/use-load';
import { useSheetUpload } from '../../../hooks/use-sheet-upload';
import { consoleApi } from '../../../services/console-api';
import { downloadRoute } from '../../../services/download';
import { uploadRegistry } from '../../../services/upload';
import '../../../styles/worker.css';
import './index.css';

const POLL_MS = 2000;
const STATUS_LABELS: Record<RegistryImport['status'], string> = {
  running: '导入中',
  done: '已完成',
  failed: '未完成',
};

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function ImportFigures({ item }: { item: RegistryImport }) {
  return (
    <>
      <Text className="w-line">
        {STATUS_LABELS[item.status]} · 已读 {item.totalRows} 行
        {item.encoding ? ` · 编码 ${item.encoding.toUpperCase()}` : ''}
      </Text>
      <Text className="w-line registry-import__figures">
        新增 {item.created} · 更新 {item.updated} · 未导入 {item.refused}
      </Text>
      {item.error ? <Text className="w-error">{item.error}</Text> : null}
    </>
  );
}

/**
 * 企业名录导入 (指挥部): choose the registry (xlsx, or CSV as Chinese Excel saves it in GBK), send
 * it in one go, watch the rows go in, and download the per-row report (新增 / 更新 / 未导入 with
 * the reason). A re-import updates firms by their 统一社会信用代码.
 */
export default function RegistryImportPage() {
  const imports = useLoad(
    () => consoleApi.registryImports(),
    (d) => d.items.length === 0,
  );
  const { progress, start } = useDownload();
  const reloadRef = useRef(imports.reload);
  reloadRef.current = imports.reload;
  const { file, sending, result, failure, choose, send } = useSheetUpload<RegistryImport>(
    (doc) => uploadRegistry(doc),
    () => imports.reload(),
  );

  // While the file goes up, the list shows the running import's rows so far.
  useEffect(() => {
    if (!sending) return undefined;
    const timer = setInterval(() => reloadRef.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [sending]);

  const report = (item: RegistryImport) =>
    start(
      (onProgress) =>
        downloadRoute(
          registryImportRoutes.report,
          { params: { id: item.id } },
          `名录导入报告-${item.filename.replace(/\.[^.]+$/, '')}.csv`,
          onProgress,
        ),
      '报告已下载',
    );

  const running = imports.data?.items.find((i) => i.status === 'running');

  return (
    <View className="w-page registry-import">
      <View className="w-card">
        <Text className="w-card__title">导入企业名录</Text>
        <Text className="w-muted">
          xlsx 或 CSV（UTF-8、GBK
          均可），首行为列名：企业名称、统一社会信用代码、所属行业、企业规模、行政区划代码等；按信用代码新增或更新
        </Text>
        {file ? (
          <Text className="w-line registry-import__file">
            {file.name}（{sizeLabel(file.size)}）
          </Text>
        ) : null}
        <View className="w-actions">
          <Button disabled={sending} onClick={choose}>
            {file ? '重新选择' : '选择文件'}
          </Button>
          <Button type="primary" loading={sending} disabled={!file || sending} onClick={send}>
            开始导入
          </Button>
        </View>
        {sending && running ? <ImportFigures item={running} /> : null}
        {sending && !running ? <Text className="w-line">正在上传…</Text> : null}
        {failure ? <Text className="w-error">未导入：{failure}</Text> : null}
      </View>
      {result ? (
        <View className="w-card registry-import__result">
          <Text className="w-card__title">本次导入：{result.filename}</Text>
          <ImportFigures item={result} />
          <Button onClick={() => report(result)} disabled={progress !== null}>
            {progress ?? '下载逐行报告'}
          </Button>
        </View>
      ) : null}
      <Text className="w-label registry-import__history">导入记录</Text>
      <PageState status={imports.status} onRetry={imports.reload} title="还没有导入记录">
        {imports.data?.items.map((item) => (
          <View key={item.id} className="w-card registry-import__item">
            <Text className="w-card__title">{item.filename}</Text>
            <ImportFigures item={item} />
            {item.status !== 'running' ? (
              <Button size="small" onClick={() => report(item)} disabled={progress !== null}>
                下载报告
              </Button>
            ) : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
