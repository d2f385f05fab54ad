import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ArrowRight, Close, Location } from '@nutui/icons-react-taro';
import type { Division, DivisionLevel } from '@fugong/contracts';
import { divisionsUnder, regionPathOf } from '../../services/divisions';
import './index.css';

export interface RegionPickerProps {
  /** The chosen code ('' when none yet). */
  value: string;
  /** Called with the chosen division's code and its names from the province down. */
  onChange: (code: string, path: string[]) => void;
  /** Where the choice ends: county (the 6-digit region code the forms store) unless told. */
  depth?: DivisionLevel;
  /**
   * A finer level the person may go on to, not must: at `depth` the sheet lists the places under
   * it with "the whole of it" first (a worker who knows only the county still answers).
   */
  finest?: DivisionLevel;
  placeholder?: string;
  /** Accessible name of the field. */
  label: string;
}

/**
 * 省 → 市 → 县（→ 乡镇）: the person taps names, never types a code. The field shows the chosen
 * place by name; the sheet walks the tree one level at a time (GET /api/divisions).
 */
export function RegionPicker({
  value,
  onChange,
  depth = 'county',
  finest,
  placeholder = '请选择',
  label,
}: RegionPickerProps) {
  const [shown, setShown] = useState<string[] | null>(null);
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState<Division[]>([]);
  const [items, setItems] = useState<Division[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    if (!value) setShown(null);
    else void regionPathOf(value).then((path) => live && setShown(path));
    return () => {
      live = false;
    };
  }, [value]);

  const load = (parent?: Division) => {
    setItems(null);
    setFailed(false);
    divisionsUnder(parent?.code).then(
      (list) => setItems(list.items),
      () => setFailed(true),
    );
  };

  const begin = () => {
    setTrail([]);
    setOpen(true);
    load();
  };

  const choose = (path: Division[]) => {
    const d = path[path.length - 1];
    setOpen(false);
    setShown(path.map((p) => p.name));
    onChange(
      d.code,
      path.map((p) => p.name),
    );
  };

  const pick = (d: Division) => {
    const path = [...trail, d];
    const goesFiner = finest !== undefined && finest !== depth && d.level === depth;
    if (d.level === (finest ?? depth) || !d.hasChildren || (d.level === depth && !goesFiner)) {
      choose(path);
      return;
    }
    setTrail(path);
    load(d);
  };
  // At `depth`, on the way to a finer level: the whole of the place chosen so far is an answer too.
  const whole = finest !== undefined && trail[trail.length - 1]?.level === depth ? trail : null;

  const back = (index: number) => {
    const kept = trail.slice(0, index);
    setTrail(kept);
    load(kept[kept.length - 1]);
  };

  return (
    <View className="region-picker">
      <View className="region-picker__field" role="button" aria-label={label} onClick={begin}>
        <Location size={18} color="#1f5fb4" />
        <Text className={shown ? 'region-picker__value' : 'region-picker__placeholder'}>
          {shown ? shown.join(' ') : value || placeholder}
        </Text>
        <ArrowRight size={14} color="#555b66" />
      </View>
      {open ? (
        <View className="region-picker__mask">
          <View className="region-picker__sheet" role="dialog" aria-label={label}>
            <View className="region-picker__head">
              <Text className="region-picker__title">{label}</Text>
              <View
                className="region-picker__close"
                role="button"
                aria-label="关闭"
                onClick={() => setOpen(false)}
              >
                <Close size={18} color="#1a1a1a" />
              </View>
            </View>
            <View className="region-picker__trail">
              <Text className="region-picker__crumb" onClick={() => back(0)}>
                全国
              </Text>
              {trail.map((d, i) => (
                <Text key={d.code} className="region-picker__crumb" onClick={() => back(i + 1)}>
                  {' / '}
                  {d.name}
                </Text>
              ))}
            </View>
            <View className="region-picker__list">
              {failed ? (
                <Text className="region-picker__note" onClick={() => load(trail[trail.length - 1])}>
                  网络不给力，点此重试
                </Text>
              ) : items === null ? (
                <Text className="region-picker__note">正在加载…</Text>
              ) : (
                <>
                  {whole ? (
                    <View className="region-picker__item" role="button" onClick={() => choose(whole)}>
                      <Text>{`整个${whole[whole.length - 1].name}（不细到乡镇、街道）`}</Text>
                    </View>
                  ) : null}
                  {items.map((d) => (
                    <View key={d.code} className="region-picker__item" role="button" onClick={() => pick(d)}>
                      <Text>{d.name}</Text>
                    </View>
                  ))}
                </>
              )}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
