import { Text, View } from '@tarojs/components';
import {
  Ask,
  Category,
  Clock,
  Footprint,
  Health,
  List,
  Order,
  Processing,
  QrCode,
  Scan,
  Search,
  ShieldCheck,
  Store,
  Transit,
  UserAdd,
  Message,
  Service,
} from '@nutui/icons-react-taro';
import type { EntryTile, TileIcon } from '../tile-registry';
import './tile-grid.css';

const ICONS: Record<TileIcon, typeof Health> = {
  health: Health,
  qr: QrCode,
  search: Search,
  order: Order,
  transit: Transit,
  list: List,
  userAdd: UserAdd,
  ask: Ask,
  store: Store,
  footprint: Footprint,
  processing: Processing,
  clock: Clock,
  scan: Scan,
  shield: ShieldCheck,
  category: Category,
  message: Message,
  service: Service,
};

export interface TileGridProps {
  tiles: readonly EntryTile[];
  onOpen: (tile: EntryTile) => void;
}

/** Four tiles per row: big tap targets with an icon and a short label. */
export function TileGrid({ tiles, onOpen }: TileGridProps) {
  return (
    <View className="tile-grid">
      {tiles.map((tile) => {
        const Icon = ICONS[tile.icon ?? 'list'];
        return (
          <View key={tile.id} className="tile-grid__tile" role="button" onClick={() => onOpen(tile)}>
            <View className={`tile-grid__badge tile-grid__badge--${tile.role}`}>
              <Icon size={28} color="#ffffff" />
            </View>
            <Text className="tile-grid__title">{tile.title}</Text>
            {tile.url ? null : <Text className="tile-grid__soon">建设中</Text>}
          </View>
        );
      })}
    </View>
  );
}
