import { useCallback } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { OfflineBanner } from '../../components/offline-banner';
import { PageState } from '../../components/page-state';
import { RoleTags } from '../../components/role-tags';
import { PAGES, goToLogin, openPage } from '../../navigation';
import { useElderMode } from '../../hooks/elder-mode';
import { refreshCurrentUser, signOut } from '../../hooks/session';
import { useSignedInUser } from '../../hooks/use-signed-in-user';
import './index.css';

/** 我的: who is signed in (phone masked), their roles, the profile, 长辈模式, and sign-out. */
export default function MePage() {
  const user = useSignedInUser();
  const [elder, setElder] = useElderMode();

  const refresh = useCallback(() => {
    refreshCurrentUser({ silent: true }).catch(() => undefined);
  }, []);

  useDidShow(refresh);

  const confirmSignOut = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需要重新登录才能使用，确定退出吗？',
      confirmText: '退出',
      confirmColor: '#d4380d',
      cancelText: '取消',
    });
    if (!confirm) return;
    void signOut();
    goToLogin();
  };

  if (!user) return <PageState status="loading" />;

  return (
    <View className="me">
      <OfflineBanner onRetry={refresh} />
      <View className="me__header">
        <View className="me__avatar">
          <Text>{(user.name ?? '复').slice(0, 1)}</Text>
        </View>
        <View className="me__who">
          <Text className="me__name">{user.name ?? '未填写姓名'}</Text>
          <Text className="me__phone">{user.phoneMasked ?? '未绑定手机号'}</Text>
        </View>
      </View>
      <View className="me__cells">
        <CellGroup>
          <Cell title="手机号" extra={user.phoneMasked ?? '未绑定'} />
          <Cell title="我的角色" description={<RoleTags roles={user.roles} />} />
          {user.roles.includes('worker') ? (
            <Cell
              className="me__link"
              title="个人资料"
              extra={
                <View className="me__extra">
                  <Text className={user.hasProfile ? '' : 'me__todo'}>
                    {user.hasProfile ? '已完善' : '未完善，去填写'}
                  </Text>
                  <ArrowRight size={14} color="#555b66" />
                </View>
              }
              onClick={() => openPage(PAGES.profile)}
            />
          ) : null}
        </CellGroup>
        <CellGroup>
          <Cell
            title="长辈模式"
            description="字更大、按钮更大、颜色更分明"
            extra={<Switch checked={elder} onChange={(on: boolean) => setElder(on)} aria-label="长辈模式" />}
          />
        </CellGroup>
      </View>
      <View className="me__actions">
        <Button type="danger" fill="outline" block onClick={confirmSignOut}>
          退出登录
        </Button>
      </View>
    </View>
  );
}
