import { Text, View } from '@tarojs/components';

/** One bar: a label, a value 0…max, and the text printed beside it. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
  /** A second, darker part of the bar (e.g. overdue within open). */
  part?: number;
}

/**
 * Horizontal bars drawn with plain Views, so the same chart renders on H5 and in the WeChat
 * mini-program without a chart library or a canvas. Bars scale to `max` (the largest by default).
 */
export function BarChart({
  title,
  bars,
  max,
  empty = '暂无数据',
}: {
  title: string;
  bars: Bar[];
  max?: number;
  empty?: string;
}) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className="chart chart--bars">
      <Text className="chart__title">{title}</Text>
      {bars.length === 0 ? <Text className="chart__empty">{empty}</Text> : null}
      {bars.map((b) => (
        <View key={b.key} className="chart__row">
          <Text className="chart__label">{b.label}</Text>
          <View className="chart__track">
            <View className="chart__bar" style={{ width: `${Math.round((b.value / top) * 100)}%` }} />
            {b.part ? (
              <View
                className="chart__bar chart__bar--part"
                style={{ width: `${Math.round((b.part / top) * 100)}%` }}
              />
            ) : null}
          </View>
          <Text className="chart__value">{b.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** One day of a trend: its label, height value and caption. */
export interface Column {
  key: string;
  label: string;
  value: number;
  text: string;
}

/** Vertical columns, one per day (the trend), also plain Views. */
export function ColumnChart({ title, columns, max }: { title: string; columns: Column[]; max?: number }) {
  const top = max ?? Math.max(1, ...columns.map((c) => c.value));
  return (
    <View className="chart chart--columns">
      <Text className="chart__title">{title}</Text>
      <View className="chart__plot">
        {columns.map((c) => (
          <View key={c.key} className="chart__col">
            <Text className="chart__col-text">{c.text}</Text>
            <View
              className="chart__col-bar"
              style={{ height: `${Math.max(2, Math.round((c.value / top) * 100))}%` }}
            />
            <Text className="chart__col-label">{c.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** A headline figure. */
export function Kpi({
  label,
  value,
  note,
  warn = false,
}: {
  label: string;
  value: string;
  note?: string;
  warn?: boolean;
}) {
  return (
    <View className={`kpi${warn ? ' kpi--warn' : ''}`}>
      <Text className="kpi__value">{value}</Text>
      <Text className="kpi__label">{label}</Text>
      {note ? <Text className="kpi__note">{note}</Text> : null}
    </View>
  );
}

/** A rate as a percentage with one decimal, or 「—」 when there is nothing to divide. */
export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;
