import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ROLE_GRANT_COLUMNS,
  ROLE_GRANT_MAX_ROWS,
  ROLE_GRANT_OUTCOME_LABELS,
  ROLE_LABELS,
  ROLES,
  ROLES_NOT_BULK_GRANTED,
  roleGrantImportRoutes,
  type RoleGrantImport,
  type RoleGrantLine,
} from '@fugong/contracts';
import { useDownload } from '../../../hooks/use-download';
import { useSheetUpload } from '../../../hooks/use-sheet-upload';
import { downloadRoute } from '../../../services/download';
import { uploadRoleGrants } from '../../../services/upload';
import '../../../styles/worker.css';
import './index.css';

/** Rows listed on the page; the downloaded report holds every one. */
const SHOWN_ROWS = 200;

// Read from the contracts the server checks rows against, so the help never names a role or a
// column the sheet reader would refuse.
const HEADERS = [
  ROLE_GRANT_COLUMNS.phone[0],
  ROLE_GRANT_COLUMNS.role[0],
  ROLE_GRANT_COLUMNS.scope[0],
  ROLE_GRANT_COLUMNS.note[0],
].join('、');
const SHEET_ROLES = ROLES.filter((r) => !ROLES_NOT_BULK_GRANTED.includes(r))
  .map((r) => ROLE_LABELS[r])
  .join('、');

function ColumnsHelp() {
  return (
    <View className="w-card">
      <Text className="w-card__title">表格格式</Text>
      <Text className="w-muted">
        xlsx 或 CSV（UTF-8、GBK 均可），最多 {ROLE_GRANT_MAX_ROWS} 行。首行为列名：{HEADERS}。
      </Text>
      <Text className="w-muted bulk-grant__column">
        · 手机号：本人登录复工通用的 11 位手机号（须已登录过一次）
      </Text>
      <Text className="w-muted bulk-grant__column">
        · 角色：{SHEET_ROLES}（指挥部角色请在人员与角色逐一授予）
      </Text>
      <Text className="w-muted bulk-grant__column">
        · 范围：{ROLE_LABELS.officer}填所属部门（如 人社局）；{ROLE_LABELS.liaison}
        填企业的统一社会信用代码；其他角色留空
      </Text>
      <Text className="w-muted bulk-grant__column">· 备注：可不填</Text>
      <Text className="w-muted">再次上传同一表格不会重复授权，已有的角色显示为“已有”。</Text>
    </View>
  );
}

function ResultRow({ line }: { line: RoleGrantLine }) {
  const refused = line.outcome === 'refused';
  return (
    <Text className={`w-line bulk-grant__row${refused ? ' bulk-grant__row--refused' : ''}`}>
      第 {line.row} 行 · {line.phoneMasked} · {line.role}
      {line.scope ? `（${line.scope}）` : ''} · {ROLE_GRANT_OUTCOME_LABELS[line.outcome]}
      {line.reason ? `：${line.reason}` : ''}
    </Text>
  );
}

/**
 * 批量授权 (指挥部): grant roles to many people from a sheet (手机号、角色、范围、备注). Each row is
 * checked and applied on the server like a single grant on 人员与角色 (and audited the same
 * way); the page shows each row's outcome and the figures, and downloads the per-row report.
 */
export default function BulkGrantPage() {
  // A refusal here refuses the whole sheet (缺少列、超过行数、格式不支持): nothing was granted.
  const { file, sending, result, failure, choose, send } = useSheetUpload<RoleGrantImport>((doc) =>
    uploadRoleGrants(doc),
  );
  const { progress, start } = useDownload();

  const report = (r: RoleGrantImport) =>
    start(
      (onProgress) =>
        downloadRoute(
          roleGrantImportRoutes.report,
          { params: { id: r.id } },
          `批量授权报告-${r.filename.replace(/\.[^.]+$/, '')}.csv`,
          onProgress,
        ),
      '报告已下载',
    );

  return (
    <View className="w-page bulk-grant">
      <View className="w-card">
        <Text className="w-card__title">上传授权表格</Text>
        <Text className="w-muted">每行授予一人一个角色，逐行核对后授予，结果逐行列出</Text>
        {file ? <Text className="w-line">{file.name}</Text> : null}
        <View className="w-actions">
          <Button disabled={sending} onClick={choose}>
            {file ? '重新选择' : '选择文件'}
          </Button>
          <Button type="primary" loading={sending} disabled={!file || sending} onClick={send}>
            开始授权
          </Button>
        </View>
        {sending ? <Text className="w-line">正在上传并逐行授权…</Text> : null}
        {failure ? <Text className="w-error">未授权任何人：{failure}</Text> : null}
      </View>
      {result ? (
        <View className="w-card bulk-grant__result">
          <Text className="w-card__title">本次授权：{result.filename}</Text>
          <Text className="w-line bulk-grant__figures">
            共 {result.totalRows} 行 · 已授权 {result.granted} · 已有 {result.already} · 未授权{' '}
            {result.refused}
          </Text>
          <Button onClick={() => report(result)} disabled={progress !== null}>
            {progress ?? '下载逐行报告'}
          </Button>
          {result.rows.slice(0, SHOWN_ROWS).map((line) => (
            <ResultRow key={line.row} line={line} />
          ))}
          {result.rows.length > SHOWN_ROWS ? (
            <Text className="w-muted">其余 {result.rows.length - SHOWN_ROWS} 行请下载报告查看</Text>
          ) : null}
        </View>
      ) : null}
      {/* Below the result, so on a small screen the outcome shows without scrolling past it. */}
      <ColumnsHelp />
    </View>
  );
}
