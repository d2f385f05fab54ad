/**
 * A Ningbo-size 动态空岗信息库 for the labour benches (`bench:vacancies`, `bench:digest`):
 * open vacancies plus a tenth as many full, withdrawn or stale ones, and job seekers, built
 * deterministically (every run builds the same city) and written with bulk inserts.
 */
import { Types } from 'mongoose';
import type { openToolDb } from '../scripts/dashboard-db';
import { progressBar } from '../scripts/dashboard-db';

const BATCH = 5000;
const DAY = 86_400_000;
const progress = progressBar();

/** Ningbo's counties (the city prefix 3302) and a point near each one's centre. */
export const COUNTIES: [string, number, number][] = [
  ['330281', 121.15, 30.04], // 余姚
  ['330282', 121.27, 30.17], // 慈溪
  ['330212', 121.55, 29.82], // 鄞州
  ['330206', 121.84, 29.9], // 北仑
  ['330203', 121.55, 29.87], // 海曙
  ['330211', 121.71, 29.95], // 镇海
  ['330213', 121.41, 29.66], // 奉化
  ['330226', 121.43, 29.29], // 宁海
];
export const INDUSTRIES = [
  '制造业',
  '电子信息',
  '纺织服装',
  '塑料制品',
  '模具',
  '物流',
  '建筑业',
  '餐饮住宿',
];
const POSITIONS = ['普工', '装配工', '质检员', '叉车司机', '注塑工', '仓管员', '焊工', '缝纫工'];
const HOMES = ['520102', '510107', '500101', '420102', '410102', '430102', '340102', '360102'];

/** Deterministic pseudo-random numbers, so every run of the bench builds the same city. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}
export const rnd = lcg(2020);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
/** A point within about ±15 km of a county's centre. */
export const near = ([, lng, lat]: [string, number, number]): [number, number] => [
  Math.round((lng + (rnd() - 0.5) * 0.3) * 1e5) / 1e5,
  Math.round((lat + (rnd() - 0.5) * 0.3) * 1e5) / 1e5,
];

/** Vacancy `i` of a city with `open` open ones: past that, closed or stale. Confirmed over the last 6 days. */
function vacancy(i: number, open: number, now: number) {
  const county = pick(COUNTIES);
  const industry = pick(INDUSTRIES);
  const position = pick(POSITIONS);
  const wageMin = 3000 + Math.floor(rnd() * 40) * 100;
  const headcount = 1 + Math.floor(rnd() * 30);
  // One in eleven is closed or stale: search must pass over them, as it does in the city.
  const kind = i >= open ? pick(['full', 'withdrawn', 'stale'] as const) : 'open';
  const confirmedAt = new Date(now - (kind === 'stale' ? 10 : rnd() * 6) * DAY);
  return {
    enterpriseId: new Types.ObjectId(),
    enterpriseName: `宁波第${(i % 9000) + 1}号企业有限公司`,
    postedBy: new Types.ObjectId(),
    position,
    industry,
    headcount,
    filled: kind === 'full' ? headcount : 0,
    reserved: kind === 'full' ? headcount : 0,
    wageMin,
    wageMax: wageMin + 500 + Math.floor(rnd() * 20) * 100,
    regionCode: county[0],
    address: `${county[0]} 工业园区 ${i + 1} 号`,
    location: { type: 'Point', coordinates: near(county) },
    shifts: ['two_shift'],
    contractKind: rnd() < 0.85 ? 'full_time' : 'part_time',
    requirements: '',
    certificateRequired: rnd() < 0.3,
    accommodation: rnd() < 0.6,
    meals: rnd() < 0.7,
    healthRequirements: '',
    charterBus: rnd() < 0.2,
    status: kind === 'stale' ? 'open' : kind,
    keywords: [industry, position],
    confirmedAt,
    postedAt: confirmedAt,
    idempotencyKey: null,
  };
}

/** A seeker willing to work in one county, registered over the last 30 days. */
function seeker(now: number) {
  const county = pick(COUNTIES);
  return {
    userId: new Types.ObjectId(),
    name: '求职者',
    idNumberEnc: null,
    wantedIndustries: [pick(INDUSTRIES), pick(INDUSTRIES)],
    wantedPositions: [pick(POSITIONS)],
    homeRegionCode: pick(HOMES),
    willingRegionCodes: [county[0]],
    homePoint: rnd() < 0.5 ? { type: 'Point', coordinates: near(county) } : null,
    expectedWage: 3500 + Math.floor(rnd() * 40) * 100,
    availableFrom: '2026-03-10',
    skills: [],
    certificates: [],
    trainingWishes: [],
    showPassColour: rnd() < 0.5,
    registeredAt: new Date(now - rnd() * 30 * DAY),
    updatedAt: new Date(now),
  };
}

async function insert(
  db: Awaited<ReturnType<typeof openToolDb>>,
  name: string,
  n: number,
  make: (i: number) => object,
) {
  const coll = db.connection.collection(name);
  for (let i = 0; i < n; i += BATCH) {
    await coll.insertMany(Array.from({ length: Math.min(BATCH, n - i) }, (_, j) => make(i + j)));
    progress(name, Math.min(i + BATCH, n), n);
  }
}

/** Writes the city (progress on stderr) and says what it wrote. */
export async function generateCity(
  db: Awaited<ReturnType<typeof openToolDb>>,
  vacancies: number,
  seekers: number,
  now: number,
): Promise<string> {
  const t0 = Date.now();
  const closed = Math.ceil(vacancies / 10);
  await insert(db, 'labour_vacancies', vacancies + closed, (i) => vacancy(i, vacancies, now));
  await insert(db, 'labour_seekers', seekers, () => seeker(now));
  process.stderr.write('\n');
  return `generated ${vacancies} open + ${closed} full/withdrawn/stale vacancies and ${seekers} seekers in ${((Date.now() - t0) / 1000).toFixed(1)} s (${db.where})`;
}
