import { Picker, Text, View } from '@tarojs/components';
import { Clock } from '@nutui/icons-react-taro';
import { chinaToday } from '../../services/format';
import '../region-picker/index.css';

export interface DateFieldProps {
  /** `YYYY-MM-DD`, or '' when none chosen yet. */
  value: string;
  onChange: (day: string) => void;
  /** Accessible name and the words shown before a choice. */
  label: string;
  placeholder?: string;
  /** Earliest and latest choosable days, `YYYY-MM-DD`. */
  start?: string;
  end?: string;
}

/** A day chosen on the phone's own date wheel (Taro's Picker): nobody types `YYYY-MM-DD`. */
export function DateField({
  value,
  onChange,
  label,
  placeholder = '请选择日期',
  start,
  end,
}: DateFieldProps) {
  return (
    <Picker
      mode="date"
      value={value || chinaToday()}
      start={start}
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View className="region-picker__field date-field" role="button" aria-label={label}>
        <Clock size={18} color="#1f5fb4" />
        <Text className={value ? 'region-picker__value' : 'region-picker__placeholder'}>
          {value || placeholder}
        </Text>
      </View>
    </Picker>
  );
}
