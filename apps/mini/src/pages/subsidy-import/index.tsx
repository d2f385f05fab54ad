import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  SUBSIDY_IMPORT_KINDS,
  SUBSIDY_IMPORT_LABELS,
  SUBSIDY_IMPORT_POLICY,
  policiesLedBy,
  subsidyImportSchema,
  type SubsidyImportKind,
  type SubsidyImportReport,
} from '@fugong/contracts';
import { Chips } from '../../components/chips';
import { useFormSubmit } from '../../forms/use-form-submit';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { chooseDocument, type PickedDocument } from '../../platform';
import { ApiError } from '../../services/api-error';
import { uploadSubsidyFacts } from '../../services/upload';
import '../../styles/issue.css';
import './index.css';

const fieldsSchema = subsidyImportSchema.pick({ kind: true, period: true });

/** One refused row as the server lists it (row number, column, why). */
interface RowIssue {
  row: number;
  field: string;
  reason: string;
}
const rowIssues = (error: unknown): RowIssue[] =>
  error instanceof ApiError && Array.isArray(error.details)
    ? (error.details as Partial<RowIssue>[]).filter(
        (d): d is RowIssue => typeof d.row === 'number' && typeof d.reason === 'string',
      )
    : [];

/**
 * 免申即享数据导入 for the lead department: the 参保职工花名册 (and the other fact files) a run reads,
 * as the 社保 system exports them (xlsx, or CSV in UTF-8 or the GBK Chinese Excel saves). A good
 * file replaces the period's data in one switch; a file with any bad row is refused whole, and
 * the page lists every such row with its column and reason so it can be fixed and sent again.
 */
export default function SubsidyImportPage() {
  const user = useSignedInUser();
  const led = policiesLedBy(user?.departmentId ?? null);
  const kinds = SUBSIDY_IMPORT_KINDS.filter((k) => led.includes(SUBSIDY_IMPORT_POLICY[k]));
  const [kind, setKind] = useState<SubsidyImportKind | null>(null);
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<PickedDocument | null>(null);
  const [report, setReport] = useState<SubsidyImportReport | null>(null);
  const [refused, setRefused] = useState<RowIssue[]>([]);
  const { errors, setErrors, sending, submit } = useFormSubmit();
  const chosenKind = kind ?? kinds[0] ?? null;

  const choose = async () => {
    const picked = await chooseDocument(['xlsx', 'csv']);
    if (picked) {
      setFile(picked);
      setReport(null);
      setRefused([]);
    }
  };

  const send = () => {
    setReport(null);
    setRefused([]);
    if (!file) {
      setErrors({ file: '请选择文件' });
      return;
    }
    void submit(
      fieldsSchema,
      { kind: chosenKind ?? undefined, period: period.trim() },
      (data, idempotencyKey) =>
        uploadSubsidyFacts(file, data, { idempotencyKey, silent: true }).catch((error: unknown) => {
          setRefused(rowIssues(error));
          throw error;
        }),
      (result) => {
        setReport(result);
        setFile(null);
        void Taro.showToast({ title: '导入完成', icon: 'success' });
      },
    );
  };

  if (kinds.length === 0)
    return (
      <View className="subsidy-import card">
        <Text className="card__title">免申即享数据由牵头部门导入</Text>
      </View>
    );

  return (
    <View className="subsidy-import">
      <View className="card">
        <Text className="card__title">导入数据</Text>
        <Chips
          options={kinds.map((k) => ({ value: k, label: SUBSIDY_IMPORT_LABELS[k] }))}
          value={chosenKind}
          onChange={setKind}
        />
        {errors.kind ? <Text className="field-error">{errors.kind}</Text> : null}
        <Text className="field-label">期次（年份）</Text>
        <Input placeholder="如 2020" value={period} onChange={setPeriod} maxLength={4} type="number" />
        {errors.period ? <Text className="field-error">{errors.period}</Text> : null}
        <Text className="row-item__meta">
          xlsx 或 CSV（UTF-8、GBK 均可），首行为列名，每批不超过 2 MB；同一期次重新导入将整期替换
        </Text>
        {file ? <Text className="row-item__title">{file.name}</Text> : null}
        {errors.file ? <Text className="field-error">{errors.file}</Text> : null}
        <Button disabled={sending} onClick={choose}>
          {file ? '重新选择' : '选择文件'}
        </Button>
        <Button type="primary" loading={sending} disabled={sending} onClick={send}>
          开始导入
        </Button>
        {errors.form ? <Text className="field-error">{errors.form}</Text> : null}
      </View>
      {report ? (
        <View className="card">
          <Text className="card__title">
            已导入 {report.period} 年{SUBSIDY_IMPORT_LABELS[report.kind]}
          </Text>
          <Text className="row-item__meta">
            读取 {report.totalRows} 行 · 导入 {report.imported} 行 · 替换原有 {report.replaced} 行
            {report.encoding ? ` · 编码 ${report.encoding.toUpperCase()}` : ''}
          </Text>
        </View>
      ) : null}
      {refused.length > 0 ? (
        <View className="card subsidy-import__rows">
          <Text className="card__title">有误的行（共 {new Set(refused.map((r) => r.row)).size} 行）</Text>
          {refused.map((r) => (
            <Text key={`${r.row}:${r.field}`} className="subsidy-import__row">
              第 {r.row} 行 · {r.field}：{r.reason}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
