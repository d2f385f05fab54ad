import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { agencyGrantSchema, type AgencyAccount } from '@fugong/contracts';
import { useFormSubmit } from '../../../forms/use-form-submit';
import { labourApi } from '../../../services/labour';
import { FirmPicker, type Firm } from './firm-picker';
import '../../../styles/worker.css';

const toast = (error: unknown) => void Taro.showToast({ title: (error as Error).message, icon: 'none' });

/**
 * 人社局 names the firms a 人力资源服务机构 acts for: find the agency's account by the phone it
 * signed in with, pick registry firms, save. The saved list replaces the last one, so a firm whose
 * contract with the agency ended is simply taken off.
 */
export default function AgencyGrantPage() {
  const [phone, setPhone] = useState('');
  const [account, setAccount] = useState<AgencyAccount | null>(null);
  const [name, setName] = useState('');
  const [firms, setFirms] = useState<Firm[]>([]);
  const { errors, sending, submit } = useFormSubmit();

  const find = async () => {
    try {
      const found = await labourApi.findAgency(phone.trim());
      setAccount(found);
      setName(found.name ?? '');
      setFirms(found.enterprises);
    } catch (error) {
      setAccount(null);
      toast(error);
    }
  };

  const save = () =>
    account
      ? submit(
          agencyGrantSchema,
          { name, enterpriseIds: firms.map((f) => f.id) },
          (data) => labourApi.grantAgency(account.userId, data, { silent: true }),
          (saved) => {
            setAccount({ ...account, name: saved.name });
            void Taro.showToast({
              title: `已保存，代理 ${saved.enterpriseIds.length} 家企业`,
              icon: 'success',
            });
          },
        )
      : Promise.resolve();

  const error = (k: string) => (errors[k] ? <Text className="w-error">{errors[k]}</Text> : null);
  return (
    <View className="w-page agency-grant">
      <View className="w-card">
        <Text className="w-card__title">查找机构账号</Text>
        <Text className="w-label">机构登录复工通所用的手机号</Text>
        <Input placeholder="11 位手机号" type="number" value={phone} onChange={setPhone} />
        <Button block onClick={() => void find()}>
          查找
        </Button>
      </View>
      {account ? (
        <View className="w-card">
          <Text className="w-card__title">账号 {account.phoneMasked}</Text>
          {account.isAgency ? null : (
            <Text className="w-warn">该账号还不是人力资源服务机构，请先由指挥部授予角色</Text>
          )}
          <Text className="w-label">机构名称</Text>
          <Input placeholder="如 余姚人力资源服务公司" value={name} onChange={setName} />
          {error('name')}
          <FirmPicker picked={firms} onChange={setFirms} />
          {error('enterpriseIds')}
          {errors.form && !errors.name && !errors.enterpriseIds ? error('form') : null}
          <Button
            type="primary"
            block
            loading={sending}
            disabled={sending || !account.isAgency}
            onClick={() => void save()}
          >
            保存代理企业
          </Button>
        </View>
      ) : null}
    </View>
  );
}
