import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import {
  MATCH_STATUSES,
  MATCH_STATUS_LABELS,
  POST_SIDE_LABELS,
  POST_SIDES,
  POST_STATUSES,
  POST_STATUS_LABELS,
  SUPPLY_BROWSE_SORTS,
  SUPPLY_BROWSE_SORT_LABELS,
} from '@fugong/contracts';
import { Chips } from '../../../components/chips';
import { RegionPicker } from '../../../components/region-picker';
import type { SupplyBrowseFilters } from '../../../services/supply';

const ANY = { value: '' as const, label: '不限' };
const SIDES: { value: SupplyBrowseFilters['side']; label: string }[] = [
  ANY,
  ...POST_SIDES.map((s) => ({ value: s, label: POST_SIDE_LABELS[s] })),
];
const POST_STATUS: { value: string; label: string }[] = [
  ANY,
  ...POST_STATUSES.map((s) => ({ value: s, label: POST_STATUS_LABELS[s] })),
];
const MATCH_STATUS: { value: string; label: string }[] = [
  ANY,
  ...MATCH_STATUSES.map((s) => ({ value: s, label: MATCH_STATUS_LABELS[s] })),
];
const SORTS = SUPPLY_BROWSE_SORTS.map((s) => ({ value: s, label: SUPPLY_BROWSE_SORT_LABELS[s] }));

/**
 * The filters of 供需总览: region and industry of the firm, 供/需 (posts only), status, order.
 * Chips apply at once; the industry is typed, so it applies on 查询 (not on every keystroke).
 */
export function BrowseFilters(props: {
  tab: 'posts' | 'matches';
  value: SupplyBrowseFilters;
  onChange: (f: SupplyBrowseFilters) => void;
}) {
  const f = props.value;
  const [industry, setIndustry] = useState(f.industry);
  // Any change of filter starts again from the first page.
  const set = (over: Partial<SupplyBrowseFilters>) => props.onChange({ ...f, ...over, page: 1 });
  return (
    <View className="w-card supply-browse__filters">
      <Text className="w-label">地区</Text>
      <RegionPicker
        label="地区"
        placeholder="不限地区"
        value={f.regionCode}
        onChange={(regionCode) => set({ regionCode })}
      />
      <Text className="w-label">行业</Text>
      <Input placeholder="如 光学仪器（不填为不限）" value={industry} onChange={setIndustry} />
      <Button block onClick={() => set({ industry })}>
        查询
      </Button>
      {props.tab === 'posts' ? (
        <>
          <Text className="w-label">供需</Text>
          <Chips options={SIDES} value={f.side} onChange={(side) => set({ side })} />
        </>
      ) : null}
      <Text className="w-label">状态</Text>
      <Chips
        options={props.tab === 'posts' ? POST_STATUS : MATCH_STATUS}
        value={f.status}
        onChange={(status) => set({ status })}
      />
      <Text className="w-label">排序</Text>
      <Chips options={SORTS} value={f.sort} onChange={(sort) => set({ sort })} />
    </View>
  );
}
