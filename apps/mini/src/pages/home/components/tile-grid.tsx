import { Text, View } from '@tarojs/components';
import type { EntryTile } from '../tile-registry';
import './tile-grid.css';

export interface TileGridProps {
  tiles: readonly EntryTile[];
  onOpen: (tile: EntryTile) => void;
}

/** Four tiles per row: big tap targets with a one-character badge and a short label. */
export function TileGrid({ tiles, onOpen }: TileGridProps) {
  return (
    <View className="tile-grid">
      {tiles.map((tile) => (
        <View key={tile.id} className="tile-grid__tile" onClick={() => onOpen(tile)}>
          <View className={`tile-grid__badge tile-grid__badge--${tile.role}`}>
            <Text>{tile.badge}</Text>
          </View>
          <Text className="tile-grid__title">{tile.title}</Text>
          {tile.url ? null : <Text className="tile-grid__soon">建设中</Text>}
        </View>
      ))}
    </View>
  );
}
