import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { PrivacyPrompt } from '../privacy-prompt';
import { canPickOnMap, currentPoint, pickPlaceOnMap, type PickedPlace } from '../../platform';

interface Point {
  lat: number;
  lng: number;
}

interface Props {
  value: Point | null;
  onChange: (point: Point) => void;
  /** Told the picked place's name and address (a form may fill its empty address with it). */
  onPlace?: (place: PickedPlace) => void;
  /** What the point is of, as in "定位{what}": 工作地点, 所在地点. */
  what: string;
  /** Why it is asked for, shown before it is set: 用于按距离推荐. */
  why: string;
  /** Said when the phone could not tell where it is. */
  failNote: string;
}

/**
 * A map point nobody has to type: picked on WeChat's map (where there is one) or taken from
 * where the phone is. The point is WGS-84 either way (platform/location.ts converts the map's).
 */
export function PointField({ value, onChange, onPlace, what, why, failNote }: Props) {
  const [note, setNote] = useState('');
  const here = async () => {
    try {
      onChange(await currentPoint());
      setNote('');
    } catch {
      setNote(failNote);
    }
  };
  const onMap = async () => {
    const place = await pickPlaceOnMap(value);
    if (!place) return;
    onChange(place.point);
    onPlace?.(place);
    setNote(place.name ? `已选：${place.name}` : '');
  };
  return (
    <View className="point-field">
      {/* Location is a privacy interface: WeChat holds the call until the person agrees. */}
      <PrivacyPrompt purpose={`标注${what}要读取您的位置`} />
      {canPickOnMap() ? (
        <Button block onClick={() => void onMap()}>
          {value ? `已选${what}（在地图上重选）` : `在地图上选${what}（${why}）`}
        </Button>
      ) : null}
      <Button block onClick={() => void here()}>
        {value ? `已定位${what}（重新定位）` : `定位${what}（${why}）`}
      </Button>
      {note ? <Text className="w-warn">{note}</Text> : null}
    </View>
  );
}
