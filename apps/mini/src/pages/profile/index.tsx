import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { profileUpdateSchema } from '@fugong/contracts';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { fieldErrorsFromApiError, fieldErrorsFromIssues, type FieldErrors } from '../../forms/field-errors';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import { bindWechatPhone } from '../../hooks/session';
import { PhoneNumberButton } from '../../platform/phone-number-button';
import { useLoad } from '../../hooks/use-load';
import { workerApi } from '../../services/worker-api';
import { RegionPicker } from '../../components/region-picker';
import { PrivacyPrompt } from '../../components/privacy-prompt';
import { EmployerChooser, type Employer } from './employer';
import '../../styles/worker.css';

/** A county code implies its city and province (GB/T 2260), so the worker picks one county. */
export function homeRegionOf(county: string) {
  return { province: `${county.slice(0, 2)}0000`, city: `${county.slice(0, 4)}00`, county };
}

/**
 * 我的资料: name, 身份证号 (checked on the phone with the same checksum as the server) and home
 * county. The ID number is only ever shown masked; "查看完整号码" is a separate, audited read.
 */
export default function ProfilePage() {
  const user = useSignedInUser();
  const { data, status, reload, setData } = useLoad(() => workerApi.profile());
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [county, setCounty] = useState('');
  const [employer, setEmployer] = useState<Employer | null>(null);
  const [full, setFull] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!data) return;
    setName((v) => v || data.name || '');
    setCounty((v) => v || data.homeRegion?.county || '');
    setEmployer((v) => v ?? data.enterprise ?? null);
  }, [data]);
  if (!user) return <PageState status="loading" />;

  const save = async () => {
    // Left empty, the number on file is kept: the worker never retypes it to change the county.
    const typedId = idNumber.trim();
    const body = {
      name,
      ...(typedId || !data?.idNumberMasked ? { idNumber: typedId } : {}),
      homeRegion: homeRegionOf(county.trim()),
      enterpriseId: employer?.id ?? null,
    };
    const parsed = profileUpdateSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setData(await workerApi.saveProfile(parsed.data, { silent: true }));
      setIdNumber('');
      await Taro.showToast({ title: '已保存', icon: 'none' });
    } catch (error) {
      const fields = fieldErrorsFromApiError(error);
      setErrors(Object.keys(fields).length > 0 ? fields : { idNumber: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-page profile">
      <OfflineBanner onRetry={reload} />
      <PageState status={status} onRetry={reload}>
        {data ? (
          <View className="w-card">
            <Text className="w-card__title">我的资料</Text>
            <Text className="w-line">手机号：{data.phoneMasked ?? '未绑定'}</Text>
            {data.phoneMasked ? null : (
              <PhoneNumberButton
                disabled={busy}
                onCode={(code) =>
                  void (async () => {
                    setBusy(true);
                    try {
                      await bindWechatPhone(code, { silent: true });
                      setData(await workerApi.profile());
                      await Taro.showToast({ title: '手机号已绑定', icon: 'none' });
                    } catch (error) {
                      setErrors({ phone: (error as Error).message });
                    } finally {
                      setBusy(false);
                    }
                  })()
                }
                onDenied={() => setErrors({ phone: '未授权手机号，可稍后再绑定' })}
              >
                绑定微信手机号
              </PhoneNumberButton>
            )}
            {data.phoneMasked ? null : <PrivacyPrompt purpose="绑定微信手机号要读取您在微信绑定的手机号" />}
            {errors.phone ? <Text className="w-error">{errors.phone}</Text> : null}
            <Text className="w-line">身份证号：{full ?? data.idNumberMasked ?? '未填写'}</Text>
            {data.idNumberMasked && !full ? (
              <Button size="small" onClick={async () => setFull((await workerApi.profileFull()).idNumber)}>
                查看完整号码
              </Button>
            ) : null}
            <Text className="w-label">姓名</Text>
            <Input name="name" placeholder="与身份证一致" value={name} onChange={setName} />
            {errors.name ? <Text className="w-error">{errors.name}</Text> : null}
            <Text className="w-label">身份证号</Text>
            <Input
              name="idNumber"
              type="idcard"
              placeholder={data.idNumberMasked ? '不改请留空（已登记）' : '18 位身份证号'}
              maxLength={18}
              value={idNumber}
              onChange={setIdNumber}
            />
            {errors.idNumber ? <Text className="w-error">{errors.idNumber}</Text> : null}
            <Text className="w-label">户籍所在县（区）</Text>
            <RegionPicker
              label="户籍所在县（区）"
              placeholder="请选择省、市、县（区）"
              value={county}
              onChange={setCounty}
            />
            {errors.homeRegion ? <Text className="w-error">{errors.homeRegion}</Text> : null}
            <Text className="w-label">工作单位</Text>
            {user.roles.includes('liaison') && data.enterprise ? (
              <Text className="w-line">{data.enterprise.name}（由管理员设置）</Text>
            ) : (
              <EmployerChooser value={employer} onChange={setEmployer} />
            )}
            {errors.enterpriseId ? <Text className="w-error">{errors.enterpriseId}</Text> : null}
            <View className="w-actions">
              <Button type="primary" loading={busy} disabled={busy} onClick={save}>
                保存
              </Button>
            </View>
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
