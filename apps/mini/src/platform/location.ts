import Taro from '@tarojs/taro';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLng } from '@fugong/domain';

/** A place picked on the map: its point (WGS-84, as stored and matched) and what the map calls it. */
export interface PickedPlace {
  point: LatLng;
  name: string;
  address: string;
}

// Read per call (the build replaces it; tests set it).
const onWeapp = () => process.env.TARO_ENV === 'weapp';

/**
 * Whether a map picker exists: WeChat's own (chooseLocation). The H5 build has none — Taro's
 * needs a Tencent map key and its servers — so there the phone's position is the way in.
 */
export const canPickOnMap = (): boolean => onWeapp();

/** Where the phone is, in WGS-84 (both targets' getLocation give it; the browser's is WGS-84). */
export async function currentPoint(): Promise<LatLng> {
  const here = await Taro.getLocation({ type: 'wgs84' });
  return { lat: here.latitude, lng: here.longitude };
}

/**
 * Opens WeChat's map to pick a place, centred on `near` when given. The map works in GCJ-02
 * (China's map datum): the answer is turned back into WGS-84. Null when the person cancelled
 * or the map could not open (no permission); the caller offers the current position instead.
 */
export async function pickPlaceOnMap(near: LatLng | null = null): Promise<PickedPlace | null> {
  if (!onWeapp()) return null;
  try {
    const centre = near ? wgs84ToGcj02(near) : null;
    const res = await Taro.chooseLocation(centre ? { latitude: centre.lat, longitude: centre.lng } : {});
    if (!res || typeof res.latitude !== 'number' || (!res.name && !res.address && !res.latitude)) return null;
    return {
      point: gcj02ToWgs84({ lat: res.latitude, lng: res.longitude }),
      name: res.name ?? '',
      address: res.address ?? '',
    };
  } catch {
    return null;
  }
}
