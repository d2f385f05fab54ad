import { Text, View } from '@tarojs/components';
import '../../styles/issue.css';

export interface ChipOption<V extends string | number> {
  value: V;
  label: string;
}

/**
 * A row of tappable choices (category, urgency, 达标/不达标/不适用, rating). Big targets for
 * gloved or hurried fingers; no native picker, which behaves differently on every phone.
 */
export function Chips<V extends string | number>({
  options,
  value,
  onChange,
}: {
  options: ChipOption<V>[];
  value: V | null | undefined;
  onChange: (v: V) => void;
}) {
  return (
    <View className="chips" role="radiogroup">
      {options.map((o) => (
        <View
          key={String(o.value)}
          className={`chips__chip${o.value === value ? ' chips__chip--on' : ''}`}
          role="radio"
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}
