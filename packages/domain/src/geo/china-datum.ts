/**
 * WeChat's map picker (chooseLocation) answers in GCJ-02, the datum every map published in
 * mainland China must use: WGS-84 shifted by an obfuscating offset of a few hundred metres that
 * varies from place to place. The matching measures distances between points in WGS-84 (what
 * the phone's own getLocation gives and MongoDB's 2dsphere assumes), so a point picked on the map
 * is turned back into WGS-84 before it is stored. The forward shift is the published formula on
 * the Krasovsky ellipsoid; its inverse has no closed form and is found by iteration (a few steps
 * reach well under a metre). Outside mainland China there is no shift.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

const A = 6378245.0;
const EE = 0.00669342162296594323;

/** The rough box the shift applies in (it is not applied abroad, in Hong Kong or Macao's maps). */
function outsideChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** A WGS-84 point as China's maps show it (GCJ-02). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outsideChina(p)) return { ...p };
  const radLat = (p.lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** A point read off China's maps (GCJ-02) in WGS-84, to within about a centimetre. */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outsideChina(p)) return { ...p };
  let guess = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 10; i += 1) {
    const shown = wgs84ToGcj02(guess);
    const dLat = shown.lat - p.lat;
    const dLng = shown.lng - p.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}
