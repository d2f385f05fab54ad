import { gcj02ToWgs84, wgs84ToGcj02 } from './china-datum';

/** Metres between two nearby points (equirectangular: plenty at these distances). */
function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const k = (Math.PI / 180) * 6_371_000;
  const dx = (a.lng - b.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * k;
  return Math.hypot(dx, (a.lat - b.lat) * k);
}

describe('GCJ-02 (China\u2019s map datum) and WGS-84', () => {
  it('when a factory in Yuyao is picked on WeChat\u2019s map, then the stored point is the WGS-84 one, a few hundred metres from the map\u2019s', () => {
    const wgs = { lat: 30.0437, lng: 121.1546 };
    const onMap = wgs84ToGcj02(wgs);
    const shift = metres(onMap, wgs);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(800);
    expect(metres(gcj02ToWgs84(onMap), wgs)).toBeLessThan(0.05);
  });

  it('when points all over China go to the map and back, then each comes back within a few centimetres', () => {
    for (const p of [
      { lat: 26.57, lng: 106.71 }, // 贵阳
      { lat: 45.75, lng: 126.65 }, // 哈尔滨
      { lat: 18.25, lng: 109.5 }, // 三亚
      { lat: 43.83, lng: 87.62 }, // 乌鲁木齐
    ]) {
      expect(metres(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(0.05);
    }
  });

  it('when a point lies outside China, then neither direction moves it', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(gcj02ToWgs84(paris)).toEqual(paris);
  });
});
