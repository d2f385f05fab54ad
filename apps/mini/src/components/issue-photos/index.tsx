import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { IssuePhoto } from '@fugong/contracts';
import { releaseImage } from '../../platform';
import { issuePhotos, photoImage } from '../../services/photos';
import './index.css';

/** One tile: the thumbnail once fetched, or a plain 照片 tile (no thumbnail, or it failed). */
interface Tile {
  photo: IssuePhoto;
  src: string | null;
}

/**
 * 现场照片 of an issue, for everyone who may see it: thumbnails in a grid; a tap fetches the
 * original (an audited read) and opens it full screen. Shows nothing while there are none.
 */
export function IssuePhotos({ issueId }: { issueId: string }) {
  const [tiles, setTiles] = useState<Tile[]>([]);
  const [error, setError] = useState('');
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void (async () => {
      try {
        const { items } = await issuePhotos(issueId);
        if (!live) return;
        setTiles(items.map((photo) => ({ photo, src: null })));
        for (const photo of items.filter((p) => p.hasThumbnail)) {
          const src = await photoImage(photo.id, 'thumbnail').catch(() => null);
          if (!src) continue;
          made.push(src);
          if (live) setTiles((old) => old.map((t) => (t.photo.id === photo.id ? { ...t, src } : t)));
        }
      } catch {
        if (live) setError('照片暂时无法加载，请稍后再试');
      }
    })();
    return () => {
      live = false;
      made.forEach(releaseImage);
    };
  }, [issueId]);

  const open = async (photo: IssuePhoto) => {
    if (opening) return;
    setOpening(true);
    setError('');
    try {
      const src = await photoImage(photo.id, 'original');
      await Taro.previewImage({ urls: [src], current: src });
    } catch {
      setError('原图打开失败，请稍后再试');
    } finally {
      setOpening(false);
    }
  };

  if (tiles.length === 0 && !error) return null;
  return (
    <View className="card issue-photos">
      <Text className="card__title">现场照片（{tiles.length} 张）</Text>
      <View className="issue-photos__grid">
        {tiles.map(({ photo, src }, index) => (
          <View
            key={photo.id}
            className="issue-photos__tile"
            role="button"
            aria-label={`查看第 ${index + 1} 张照片原图`}
            onClick={() => void open(photo)}
          >
            {src ? (
              <Image className="issue-photos__thumb" src={src} mode="aspectFill" />
            ) : (
              <Text className="issue-photos__placeholder">照片 {index + 1}</Text>
            )}
          </View>
        ))}
      </View>
      {tiles.length > 0 ? <Text className="card__line">点按照片查看原图</Text> : null}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}
