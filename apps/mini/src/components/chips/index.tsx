import { Text, View } from '@tarojs/components';
import '../../styles/worker.css';

/** What a chip stands for: a code, or a number such as a rating. */
export type ChipValue = string | number;

export interface ChipOption<V extends ChipValue> {
  value: V;
  label: string;
}

/**
 * Big tappable choices instead of native pickers (which differ on every phone), for gloved or
 * hurried fingers. Single choice by default; a list as `value` toggles each value in it.
 * `compact` sets them a little smaller, for forms with many rows of choices (an issue, a visit).
 */
export function Chips<V extends ChipValue>(props: {
  options: ChipOption<V>[];
  value: V | V[] | null | undefined;
  onChange: (v: V) => void;
  label?: string;
  compact?: boolean;
}) {
  const multi = Array.isArray(props.value);
  const on = (v: V) => (Array.isArray(props.value) ? props.value.includes(v) : props.value === v);
  return (
    <View
      className={`w-chips${props.compact ? ' w-chips--compact' : ''}`}
      role={multi ? 'group' : 'radiogroup'}
    >
      {props.options.map((o) => (
        <View
          key={String(o.value)}
          className={`w-chips__chip${on(o.value) ? ' w-chips__chip--on' : ''}`}
          role={multi ? 'checkbox' : 'radio'}
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
