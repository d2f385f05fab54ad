import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { regionPathOf } from '../../services/divisions';

/**
 * A stored region code read out by name ("广东省 东莞市"); the code itself while the names load
 * or when they cannot be fetched, so the line is never blank on a weak signal.
 */
export function RegionName({ code, className }: { code: string; className?: string }) {
  const [names, setNames] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void regionPathOf(code).then((path) => live && setNames(path));
    return () => {
      live = false;
    };
  }, [code]);
  return <Text className={className}>{names?.join(' ') ?? code}</Text>;
}
