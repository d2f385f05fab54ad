import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  checkinInputSchema,
  SYMPTOMS,
  SYMPTOM_LABELS,
  type Checkin,
  type Region,
  type Symptom,
} from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { fieldErrorsFromApiError, fieldErrorsFromIssues, type FieldErrors } from '../../forms/field-errors';
import { useSubmissionKey } from '../../forms/use-submission-key';
import { isOfflineError } from '../../services/api-error';
import { openPage, PAGES } from '../../navigation';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { Chips } from '../../components/chips';
import { useLoad } from '../../hooks/use-load';
import { PASS_LABELS, chinaToday } from '../../services/format';
import { RegionPicker } from '../../components/region-picker';
import { DateField } from '../../components/date-field';
import { workerApi } from '../../services/worker-api';
import { clearDraft, draftFromLatest, EMPTY_DRAFT, loadDraft, saveDraft, type CheckinDraft } from './draft';
import '../../styles/worker.css';

/**
 * 健康打卡: temperature, symptoms, health-code colour, places of the last 14 days, arrival from
 * outside the province. Starts from the unsent draft or else yesterday's answers; every change
 * is kept on the phone until the server confirms.
 */
export default function CheckinPage() {
  const user = useSignedInUser();
  const { data, status, reload } = useLoad(() =>
    Promise.all([workerApi.latestCheckin(), workerApi.regions()]),
  );
  const [form, setForm] = useState<CheckinDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  /** Names of places added through the cascader (the risk list names only its own regions). */
  const [placeNames, setPlaceNames] = useState<Record<string, string>>({});
  const { keyFor, settle } = useSubmissionKey();

  useEffect(() => {
    if (!user || form) return;
    const draft = loadDraft(user.id);
    if (draft) setForm(draft);
    else if (data) setForm(data[0].checkin ? draftFromLatest(data[0].checkin) : EMPTY_DRAFT);
  }, [user, data, form]);

  if (!user) return <PageState status="loading" />;
  const update = (patch: Partial<CheckinDraft>) => {
    const next = { ...(form ?? EMPTY_DRAFT), ...patch };
    setForm(next);
    saveDraft(user.id, next);
  };
  const latest: Checkin | null = data?.[0].checkin ?? null;
  const regions: Region[] = data?.[1].items ?? [];
  const placeOptions = [...new Set([...regions.map((r) => r.code), ...(form?.places ?? [])])].map((code) => ({
    value: code,
    label: regions.find((r) => r.code === code)?.name ?? placeNames[code] ?? code,
  }));

  const submit = async () => {
    if (!form) return;
    const body = {
      temperature: form.temperature.trim() === '' ? Number.NaN : Number(form.temperature),
      symptoms: form.symptoms,
      healthCode: form.healthCode ?? undefined,
      places: form.places,
      arrivedFromOutsideProvince: form.arrivedFromOutsideProvince,
      arrivalDate: form.arrivedFromOutsideProvince ? form.arrivalDate.trim() || null : null,
    };
    const parsed = checkinInputSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setMessage('');
    setBusy(true);
    try {
      const res = await workerApi.checkin(parsed.data, { idempotencyKey: keyFor(parsed.data), silent: true });
      settle();
      clearDraft(user.id);
      await Taro.showToast({ title: `打卡成功：${PASS_LABELS[res.pass.color]}`, icon: 'none' });
      openPage(PAGES.pass);
    } catch (error) {
      settle(error);
      setErrors(fieldErrorsFromApiError(error));
      setMessage(
        isOfflineError(error)
          ? '网络不给力，填写内容已保存在手机上，恢复网络后再点提交'
          : (error as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-page checkin">
      <OfflineBanner onRetry={reload} />
      <PageState status={form ? 'ready' : status === 'ready' ? 'loading' : status} onRetry={reload}>
        {form ? (
          <View className="w-card">
            <Text className="w-card__title">今日健康打卡</Text>
            {latest ? <Text className="w-muted">已按上次（{latest.day}）的回答预先填好，请核对</Text> : null}
            <Text className="w-label">体温（℃）</Text>
            <Input
              name="temperature"
              type="digit"
              placeholder="例如 36.5"
              value={form.temperature}
              onChange={(v) => update({ temperature: v })}
            />
            {latest ? (
              <Text className="w-muted">上次体温 {latest.temperature.toFixed(1)} ℃，今天请重新测量</Text>
            ) : null}
            {errors.temperature ? <Text className="w-error">{errors.temperature}</Text> : null}

            <Text className="w-label">有无以下症状（可多选）</Text>
            <Chips<Symptom | 'none'>
              options={[
                { value: 'none', label: '无症状' },
                ...SYMPTOMS.map((s) => ({ value: s, label: SYMPTOM_LABELS[s] })),
              ]}
              value={form.symptoms.length === 0 ? ['none'] : form.symptoms}
              onChange={(v) =>
                update({
                  symptoms:
                    v === 'none'
                      ? []
                      : form.symptoms.includes(v)
                        ? form.symptoms.filter((s) => s !== v)
                        : [...form.symptoms, v],
                })
              }
            />
            <Text className="w-label">健康码颜色</Text>
            <Chips
              options={[
                { value: 'green', label: '绿码' },
                { value: 'yellow', label: '黄码' },
                { value: 'red', label: '红码' },
              ]}
              value={form.healthCode}
              onChange={(v) => update({ healthCode: v })}
            />
            {errors.healthCode ? <Text className="w-error">请选择健康码颜色</Text> : null}

            <Text className="w-label">近 14 天到过的地区（可多选）</Text>
            {placeOptions.length > 0 ? (
              <Chips
                options={placeOptions}
                value={form.places}
                onChange={(v) =>
                  update({
                    places: form.places.includes(v)
                      ? form.places.filter((p) => p !== v)
                      : [...form.places, v],
                  })
                }
              />
            ) : null}
            <RegionPicker
              value=""
              finest="town"
              label="添加到过的地区"
              placeholder="添加其他到过的县（区）、乡镇（街道）"
              onChange={(code, path) => {
                setPlaceNames((names) => ({ ...names, [code]: path.join('') }));
                if (!form.places.includes(code)) update({ places: [...form.places, code] });
              }}
            />
            <Text className="w-label">是否从省外返回</Text>
            <Chips
              options={[
                { value: 'no', label: '否' },
                { value: 'yes', label: '是，从省外返回' },
              ]}
              value={form.arrivedFromOutsideProvince ? 'yes' : 'no'}
              onChange={(v) => update({ arrivedFromOutsideProvince: v === 'yes' })}
            />
            {form.arrivedFromOutsideProvince ? (
              <>
                <Text className="w-label">到达日期</Text>
                <DateField
                  label="到达日期"
                  value={form.arrivalDate}
                  end={chinaToday()}
                  onChange={(v) => update({ arrivalDate: v })}
                />
                {errors.arrivalDate ? <Text className="w-error">{errors.arrivalDate}</Text> : null}
              </>
            ) : null}
            {message ? <Text className="w-error">{message}</Text> : null}
            <View className="w-actions">
              <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
                提交打卡
              </Button>
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
