import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CHECKLIST_ITEMS, CHECKLIST_STATUS_LABELS, visitInputSchema } from '@fugong/contracts';
import { OfflineBanner } from '../../../components/offline-banner';
import { PageState } from '../../../components/page-state';
import { newRequestId } from '../../../platform';
import { isOfflineError, isOutcomeUnknown, ApiError } from '../../../services/api-error';
import { Chips } from '../../../components/chips';
import { api } from '../../../services/issue-api';
import { PrivacyPrompt } from '../../../components/privacy-prompt';
import { ProblemEditor } from './problem-editor';
import {
  clearDraft,
  loadDraft,
  saveDraft,
  toVisitInput,
  type ChecklistStatus,
  type VisitDraft,
} from './draft';
import '../../../styles/issue.css';

const STATUS_OPTIONS = (['met', 'not_met', 'na'] as const).map((value) => ({
  value,
  label: CHECKLIST_STATUS_LABELS[value],
}));

/**
 * 记录走访: the 四个到位 and the seven areas of seed 003, each 达标/不达标/不适用 with a note,
 * findings and problems. Every keystroke is saved on the phone; a failed send keeps the draft.
 */
export default function VisitFormPage() {
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId ?? '';
  const [draft, setDraftState] = useState<VisitDraft>(() => loadDraft(enterpriseId));
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  if (!enterpriseId) return <PageState status="error" title="缺少企业信息" description="请从企业页面进入" />;

  const update = (change: (d: VisitDraft) => VisitDraft) =>
    setDraftState((old) => {
      const next = change(old);
      saveDraft(enterpriseId, next);
      return next;
    });
  const setItem = (key: string, patch: Partial<{ status: ChecklistStatus; note: string }>) =>
    update((d) => ({ ...d, checklist: { ...d.checklist, [key]: { ...d.checklist[key], ...patch } } }));

  const locate = async () => {
    try {
      const here = await Taro.getLocation({ type: 'gcj02' });
      update((d) => ({ ...d, location: { lat: here.latitude, lng: here.longitude } }));
    } catch {
      setMessage('未能获取位置（可能未授权），不影响提交');
    }
  };

  const submit = async () => {
    const parsed = visitInputSchema.safeParse(toVisitInput(enterpriseId, draft));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const item = first?.path[0] === 'checklist' ? CHECKLIST_ITEMS[Number(first.path[1])]?.label : undefined;
      setMessage(item ? `请完成检查项「${item}」：${first.message}` : (first?.message ?? '请完善走访记录'));
      return;
    }
    setSending(true);
    setMessage('');
    const payload = JSON.stringify(parsed.data);
    const key = draft.pending?.payload === payload ? draft.pending.key : newRequestId();
    update((d) => ({ ...d, pending: { payload, key } }));
    try {
      await api.createVisit(parsed.data, { idempotencyKey: key, silent: true });
      clearDraft(enterpriseId);
      void Taro.showToast({ title: '走访已记录', icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      // A refusal is final: the next send is a new request. An unknown outcome keeps its key.
      if (!isOutcomeUnknown(error)) update((d) => ({ ...d, pending: null }));
      const lost = isOfflineError(error) || isOutcomeUnknown(error);
      setMessage(
        lost
          ? '网络不给力，草稿已保存在手机上，恢复网络后再点提交'
          : error instanceof ApiError
            ? error.message
            : '提交失败，请重试',
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="visit-form">
      <PrivacyPrompt purpose="记录走访位置要读取您的位置" />
      <OfflineBanner />
      <View className="card">
        <Text className="field-label">走访地点</Text>
        <Input
          placeholder="如 车间、食堂、宿舍"
          value={draft.place}
          onChange={(place) => update((d) => ({ ...d, place }))}
        />
        <Text className="card__line" onClick={locate}>
          {draft.location
            ? `已定位 ${draft.location.lat.toFixed(4)}, ${draft.location.lng.toFixed(4)}`
            : '点此记录当前位置（可选）'}
        </Text>
      </View>
      {(['四个到位', '七个方面'] as const).map((group) => (
        <View key={group} className="card">
          <Text className="card__title">{group}</Text>
          {CHECKLIST_ITEMS.filter((i) => i.group === group).map((item) => (
            <View key={item.key} className="row-item">
              <Text className="row-item__title">{item.label}</Text>
              <Chips
                options={STATUS_OPTIONS}
                value={draft.checklist[item.key]?.status}
                onChange={(status) => setItem(item.key, { status })}
              />
              {draft.checklist[item.key]?.status === 'not_met' ? (
                <Input
                  placeholder={`${item.label}：存在的问题`}
                  value={draft.checklist[item.key]?.note ?? ''}
                  onChange={(note) => setItem(item.key, { note })}
                />
              ) : null}
            </View>
          ))}
        </View>
      ))}
      <View className="card">
        <Text className="field-label">走访发现</Text>
        <Input
          placeholder="走访情况小结"
          value={draft.findings}
          onChange={(findings) => update((d) => ({ ...d, findings }))}
        />
      </View>
      <ProblemEditor problems={draft.problems} onChange={(problems) => update((d) => ({ ...d, problems }))} />
      {message ? <Text className="field-error visit-form__message">{message}</Text> : null}
      <View className="actions">
        <Button type="primary" block loading={sending} disabled={sending} onClick={submit}>
          提交走访记录
        </Button>
      </View>
    </View>
  );
}
