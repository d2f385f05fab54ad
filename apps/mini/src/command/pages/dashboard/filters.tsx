import { Text, View } from '@tarojs/components';
import type { DashboardSummary } from '@fugong/contracts';

/** The filters the page can set (region, size); date and industry stay at their defaults on the phone. */
export interface PageFilter {
  region?: string;
  size?: 'above' | 'below';
}

const chip = (on: boolean) => `chip${on ? ' chip--on' : ''}`;

/** Region and size chips; tapping the selected one again clears it. */
export function Filters({
  choices,
  value,
  onChange,
}: {
  choices: DashboardSummary['choices'] | null;
  value: PageFilter;
  onChange: (f: PageFilter) => void;
}) {
  return (
    <View className="filters">
      <View className="filters__row">
        <Text className={chip(!value.size)} onClick={() => onChange({ ...value, size: undefined })}>
          全部规模
        </Text>
        <Text
          className={chip(value.size === 'above')}
          onClick={() => onChange({ ...value, size: value.size === 'above' ? undefined : 'above' })}
        >
          规上
        </Text>
        <Text
          className={chip(value.size === 'below')}
          onClick={() => onChange({ ...value, size: value.size === 'below' ? undefined : 'below' })}
        >
          规下
        </Text>
      </View>
      <View className="filters__row filters__regions">
        <Text className={chip(!value.region)} onClick={() => onChange({ ...value, region: undefined })}>
          全市
        </Text>
        {(choices?.regions ?? []).map((r) => (
          <Text
            key={r.key}
            className={chip(value.region === r.key)}
            onClick={() => onChange({ ...value, region: value.region === r.key ? undefined : r.key })}
          >
            {r.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
