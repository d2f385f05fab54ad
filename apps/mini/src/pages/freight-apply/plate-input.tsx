import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { Chips } from '../../components/chips';

/** Provinces that send or receive most freight here; the abbreviation is tapped, never typed. */
const PROVINCES = ['浙', '沪', '苏', '皖', '赣', '闽', '鲁', '豫', '鄂', '湘', '粤', '川', '贵', '渝'];

/**
 * A plate entered the way it is read off the lorry: tap the province, then type the rest (letters
 * come out upper case, the separator dot is optional). New-energy plates simply have one more character.
 */
export function PlateInput(props: {
  province: string;
  rest: string;
  onProvince: (p: string) => void;
  onRest: (r: string) => void;
  error?: string;
}) {
  return (
    <View>
      <Text className="w-label">车牌号</Text>
      <Chips
        options={PROVINCES.map((p) => ({ value: p, label: p }))}
        value={props.province}
        onChange={props.onProvince}
      />
      <View className="fa-plate">
        <Text className="fa-plate__province">{props.province}</Text>
        <Input
          name="plateRest"
          placeholder="如 B12345，新能源 B12345D"
          maxLength={8}
          value={props.rest}
          onChange={(v) => props.onRest(v.toUpperCase().replace(/[^A-Z0-9挂港澳·]/g, ''))}
        />
      </View>
      {props.error ? <Text className="w-error">{props.error}</Text> : null}
    </View>
  );
}
