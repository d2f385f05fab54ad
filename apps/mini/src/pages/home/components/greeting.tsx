import { Text, View } from '@tarojs/components';
import type { SessionUser } from '@fugong/contracts';
import { RoleTags } from '../../../components/role-tags';
import './greeting.css';

export interface GreetingProps {
  user: SessionUser;
  /** Injected so tests and screenshots are not at the mercy of the clock. */
  now?: Date;
}

function partOfDay(hour: number): string {
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** "下午好，张三" and the person's roles, on the blue header of the home page. */
export function Greeting({ user, now = new Date() }: GreetingProps) {
  const who = user.name ?? user.phoneMasked ?? '';
  return (
    <View className="greeting">
      <Text className="greeting__hello">
        {partOfDay(now.getHours())}
        {who ? `，${who}` : ''}
      </Text>
      <Text className="greeting__sub">欢迎使用复工通</Text>
      <RoleTags roles={user.roles} inverse />
    </View>
  );
}
