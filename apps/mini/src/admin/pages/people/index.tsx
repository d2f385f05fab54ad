import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { DEPARTMENTS, ROLE_LABELS, ROLES, type Profile, type Role } from '@fugong/contracts';
import { PageState } from '../../../components/page-state';
import { openPage, PAGES } from '../../../navigation';
import { useSignedInUser } from '../../../hooks/use-signed-in-user';
import { consoleApi } from '../../../services/console-api';
import '../../../styles/worker.css';

/**
 * 人员与角色 (指挥部): find a person by phone (shown masked), then grant or revoke roles with their
 * scope. Every grant is checked and audited on the server (roles.grant).
 */
export default function PeoplePage() {
  const user = useSignedInUser();
  const [phone, setPhone] = useState('');
  const [person, setPerson] = useState<Profile | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return <PageState status="loading" />;

  const find = async () => {
    setBusy(true);
    try {
      const found = await consoleApi.findByPhone(phone.trim());
      setPerson(found);
      setRoles(found.roles);
    } catch {
      setPerson(null); // the request wrapper said why (未找到该用户, 手机号格式)
    } finally {
      setBusy(false);
    }
  };

  const toggle = (role: Role) =>
    setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));

  const save = async () => {
    if (!person) return;
    setBusy(true);
    try {
      const saved = await consoleApi.grantRoles(person.id, {
        roles,
        enterpriseId: person.enterprise?.id ?? null,
        departmentId: roles.includes('officer') ? departmentId : null,
      });
      setPerson(saved);
      setRoles(saved.roles);
      await Taro.showToast({ title: '已保存', icon: 'none' });
    } catch {
      // Shown by the request wrapper (e.g. 部门办理人必须指定所属部门).
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="w-page console-people">
      <View className="w-card">
        <Text className="w-label">手机号</Text>
        <Input
          name="phone"
          type="number"
          placeholder="11 位手机号"
          maxLength={11}
          value={phone}
          onChange={setPhone}
        />
        <Button type="primary" loading={busy} disabled={busy || phone.trim().length !== 11} onClick={find}>
          查找
        </Button>
        <Button onClick={() => openPage(PAGES.consoleBulkGrant)}>批量授权（上传表格）</Button>
      </View>
      {person ? (
        <View className="w-card">
          <Text className="w-card__title">{person.name ?? '未填写姓名'}</Text>
          <Text className="w-line">{person.phoneMasked}</Text>
          {person.enterprise ? <Text className="w-muted">所属企业：{person.enterprise.name}</Text> : null}
          <Text className="w-label">角色</Text>
          <View className="w-actions">
            {ROLES.map((role) => (
              <Button
                key={role}
                type={roles.includes(role) ? 'primary' : 'default'}
                onClick={() => toggle(role)}
              >
                {ROLE_LABELS[role]}
              </Button>
            ))}
          </View>
          {roles.includes('officer') ? (
            <>
              <Text className="w-label">所属部门</Text>
              <View className="w-actions">
                {DEPARTMENTS.map((d) => (
                  <Button
                    key={d.code}
                    type={departmentId === d.code ? 'primary' : 'default'}
                    onClick={() => setDepartmentId(d.code)}
                  >
                    {d.name}
                  </Button>
                ))}
              </View>
            </>
          ) : null}
          <Button type="primary" loading={busy} disabled={busy || roles.length === 0} onClick={save}>
            保存角色
          </Button>
          <Text className="w-muted">授权与撤销均记入审计日志</Text>
        </View>
      ) : null}
    </View>
  );
}
