import { Text, View } from '@tarojs/components';
import { DateField } from '../date-field';
import '../../styles/worker.css';

/**
 * A period as two day wheels, 开始日期 and 结束日期: the end starts no earlier than the start, both
 * within `start`–`end` when given; each shows its own refusal beneath it.
 */
export function DayRange(props: {
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  start: string;
  end?: string;
  fromLabel?: string;
  toLabel?: string;
  errors: { from?: string; to?: string };
}) {
  const fromLabel = props.fromLabel ?? '请选择开始日期';
  const toLabel = props.toLabel ?? '请选择结束日期';
  return (
    <View className="day-range">
      <Text className="w-label">开始日期</Text>
      <DateField
        label={fromLabel}
        placeholder={fromLabel}
        start={props.start}
        end={props.end}
        value={props.from}
        onChange={props.onFrom}
      />
      {props.errors.from ? <Text className="w-error">{props.errors.from}</Text> : null}
      <Text className="w-label">结束日期</Text>
      <DateField
        label={toLabel}
        placeholder={toLabel}
        start={props.from || props.start}
        end={props.end}
        value={props.to}
        onChange={props.onTo}
      />
      {props.errors.to ? <Text className="w-error">{props.errors.to}</Text> : null}
    </View>
  );
}
