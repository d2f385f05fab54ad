import { Text } from '@tarojs/components';
import { RegionPicker } from '../region-picker';

/**
 * A form's county field: its label, the 省 → 市 → 县（区） picker and the refusal beneath it. The
 * forms store a 6-digit county code, so the picker stops at the county.
 */
export function CountyField(props: {
  /** The field's label, also the picker's accessible name (所在县（区）, 家乡所在县（区）…). */
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
}) {
  return (
    <>
      <Text className="w-label">{props.label}</Text>
      <RegionPicker
        label={props.label}
        placeholder="请选择省、市、县（区）"
        value={props.value}
        onChange={(code) => props.onChange(code)}
      />
      {props.error ? <Text className="w-error">{props.error}</Text> : null}
    </>
  );
}
