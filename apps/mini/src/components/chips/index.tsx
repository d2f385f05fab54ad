import { Text, View } from '@tarojs/components';
import '../../styles/worker.css';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
}

/**
 * Big tappable choices instead of native pickers (which differ on every phone). Single choice
 * by default; `multi` toggles each value in a list.
 */
export function Chips<V extends string>(props: {
  options: ChipOption<V>[];
  value: V | V[] | null;
  onChange: (v: V) => void;
  label?: string;
}) {
  const on = (v: V) => (Array.isArray(props.value) ? props.value.includes(v) : props.value === v);
  return (
    <View className="w-chips" role={Array.isArray(props.value) ? 'group' : 'radiogroup'}>
      {props.options.map((o) => (
        <View
          key={o.value}
          className={`w-chips__chip${on(o.value) ? ' w-chips__chip--on' : ''}`}
          role={Array.isArray(props.value) ? 'checkbox' : 'radio'}
          onClick={() => props.onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The trip's pickup points as choices, by index (the booking routes take `pickupIndex`). */
export function PickupChips(props: {
  points: { name: string }[];
  value: string;
  onChange: (index: string) => void;
}) {
  return (
    <>
      <Text className="w-label">上车点</Text>
      <Chips
        options={props.points.map((p, i) => ({ value: String(i), label: p.name }))}
        value={props.value}
        onChange={props.onChange}
      />
    </>
  );
}
