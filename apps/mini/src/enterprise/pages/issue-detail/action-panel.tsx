import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { IssueDetail } from '@fugong/contracts';
import { ApiError } from '../../../services/api-error';
import { api, type IssueActionName } from '../../../services/issue-api';
import { Chips } from '../../../components/chips';
import { DEPARTMENT_OPTIONS, RATING_OPTIONS } from '../../../components/chips/issue-options';

/**
 * The buttons for what this person may do next — exactly the server's `allowedActions`, so a
 * button never leads to a refusal. Each action sends once; the new issue replaces the old.
 */
export function ActionPanel({
  issue,
  onChanged,
}: {
  issue: IssueDetail;
  onChanged: (next: IssueDetail) => void;
}) {
  const [department, setDepartment] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [rating, setRating] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const allowed = new Set(issue.allowedActions);
  if (allowed.size === 0) return null;

  const run = async (action: IssueActionName, body: Record<string, unknown>) => {
    setBusy(true);
    setError('');
    try {
      const next = await api.act(issue.id, action, body, { silent: true });
      setText('');
      onChanged(next);
      void Taro.showToast({ title: '已办理', icon: 'success' });
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldIssues[0]?.message ?? e.message) : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card action-panel">
      <Text className="card__title">办理</Text>
      {allowed.has('accept') ? (
        <Button type="primary" block disabled={busy} onClick={() => run('accept', {})}>
          受理
        </Button>
      ) : null}
      {allowed.has('dispatch') || allowed.has('transfer') ? (
        <View>
          <Text className="field-label">{allowed.has('dispatch') ? '派至部门' : '转办至部门'}</Text>
          <Chips
            options={DEPARTMENT_OPTIONS.filter(
              (d) => d.value !== issue.departmentCode || allowed.has('dispatch'),
            )}
            value={department}
            onChange={setDepartment}
          />
          {allowed.has('transfer') ? <Input placeholder="转办原因" value={text} onChange={setText} /> : null}
          <Button
            type="primary"
            block
            disabled={busy || !department}
            onClick={() =>
              allowed.has('dispatch')
                ? run('dispatch', { departmentCode: department })
                : run('transfer', { departmentCode: department, reason: text })
            }
          >
            {allowed.has('dispatch') ? '派单' : '转办'}
          </Button>
        </View>
      ) : null}
      {allowed.has('answer') ? (
        <View>
          <Text className="field-label">答复内容</Text>
          <TextArea
            className="field-textarea"
            placeholder="请填写答复内容"
            maxLength={2000}
            value={text}
            onChange={setText}
          />
          <Button type="primary" block disabled={busy} onClick={() => run('answer', { answer: text })}>
            提交答复
          </Button>
        </View>
      ) : null}
      {allowed.has('confirm') ? (
        <View>
          <Text className="field-label">对办理结果评分</Text>
          <Chips options={RATING_OPTIONS} value={rating} onChange={setRating} />
          <Button
            type="primary"
            block
            disabled={busy || rating === null}
            onClick={() => run('confirm', { rating })}
          >
            确认已解决
          </Button>
        </View>
      ) : null}
      {allowed.has('reopen') ? (
        <View>
          <Input placeholder="未解决的原因" value={text} onChange={setText} />
          <Button
            type="danger"
            fill="outline"
            block
            disabled={busy}
            onClick={() => run('reopen', { reason: text })}
          >
            仍未解决，退回重办
          </Button>
        </View>
      ) : null}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}
