import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';

/** "3 天 4 小时" / "2 小时 15 分" / "12 分" until `to`; "已过" once it has passed. */
export function describeLeft(to: string, now = Date.now()): string {
  const ms = new Date(to).getTime() - now;
  if (!Number.isFinite(ms)) return '';
  if (ms <= 0) return '已过';
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时 ${mins} 分`;
  return `${mins} 分`;
}

export interface CountdownProps {
  /** The deadline, an ISO instant. */
  to: string;
  /** Words before the time left, e.g. 距发车 or 距截止. */
  prefix: string;
}

/** A deadline as time left, refreshed every half minute (a bare clock time hides the urgency). */
export function Countdown({ to, prefix }: CountdownProps) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const left = describeLeft(to, now);
  return (
    <Text className="countdown">
      {left === '已过' ? `${prefix.replace(/^距/, '')}已过` : `${prefix} ${left}`}
    </Text>
  );
}
