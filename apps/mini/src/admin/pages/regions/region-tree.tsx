import { Text, View } from '@tarojs/components';
import { REOPENING_STRATEGY_LABELS, RISK_LABELS, type Region } from '@fugong/contracts';
import { RegionName } from '../../../components/region-name';
import './region-tree.css';

interface CountyBranch {
  code: string;
  /** The county's own row; null when only some of its towns carry a level. */
  own: Region | null;
  towns: Region[];
}

/**
 * Counties under their city, each with the towns (乡镇、街道) the command has marked under it.
 * A county with marked towns but no level of its own still heads its towns, named from the
 * division data, so a town never floats without the county it belongs to.
 */
export function countyTree(items: readonly Region[]): CountyBranch[] {
  const branches = new Map<string, CountyBranch>();
  const branch = (code: string) => {
    let b = branches.get(code);
    if (!b) branches.set(code, (b = { code, own: null, towns: [] }));
    return b;
  };
  for (const r of items) {
    if (r.countyCode) branch(r.countyCode).towns.push(r);
    else branch(r.code).own = r;
  }
  const sorted = [...branches.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const b of sorted) b.towns.sort((x, y) => x.code.localeCompare(y.code));
  return sorted;
}

function Row({ region, onEdit, town }: { region: Region; onEdit: (r: Region) => void; town?: boolean }) {
  return (
    <View className={`w-row regions__row${town ? ' regions__row--town' : ''}`} onClick={() => onEdit(region)}>
      <Text className="w-line">
        {town ? '└ ' : ''}
        {region.name} · {RISK_LABELS[region.riskLevel]}（{region.effectiveFrom} 起）
      </Text>
      <Text className="w-muted">{REOPENING_STRATEGY_LABELS[region.reopeningStrategy]}</Text>
    </View>
  );
}

/** The tree of the console's 地区风险等级 page; tapping a row opens it for a change. */
export function RegionTree({ items, onEdit }: { items: readonly Region[]; onEdit: (r: Region) => void }) {
  const tree = countyTree(items);
  return (
    <>
      {tree.map((b, i) => (
        <View key={b.code} className="regions__county">
          {i === 0 || tree[i - 1].code.slice(0, 4) !== b.code.slice(0, 4) ? (
            <Text className="w-label">{b.code.slice(0, 4)}00 所辖</Text>
          ) : null}
          {b.own ? (
            <Row region={b.own} onEdit={onEdit} />
          ) : (
            <View className="w-row regions__row">
              <RegionName className="w-line" code={b.code} />
              <Text className="w-muted">县级未单独设置，乡镇（街道）按下列等级</Text>
            </View>
          )}
          {b.towns.map((t) => (
            <Row key={t.code} region={t} onEdit={onEdit} town />
          ))}
        </View>
      ))}
    </>
  );
}
