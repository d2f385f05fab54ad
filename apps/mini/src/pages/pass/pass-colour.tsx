import { Text, View } from '@tarojs/components';
import type { PassColor } from '@fugong/contracts';
import { formatTime, PASS_LABELS } from '../../services/format';

/**
 * The big colour block a marshal checks at the coach door: the same card online and offline,
 * so the colour reads the same way. Offline it says so, with when the colour was read, because
 * the server may know of a newer check-in (it judges the scan itself).
 */
export function PassColour({
  color,
  name,
  keptAt,
}: {
  color: PassColor;
  name: string;
  /** When the colour shown is the one kept on the phone: the time it was read. */
  keptAt?: string;
}) {
  return (
    <View className={`w-pass w-pass--${color}`}>
      <Text className="w-pass__color">{PASS_LABELS[color]}</Text>
      <Text className="w-line">{name}</Text>
      {keptAt ? <Text className="w-pass__kept">离线 · {formatTime(keptAt)} 联网时的颜色</Text> : null}
    </View>
  );
}
