/** Names of the provinces that send labour (and others), by six-digit province code. */
export const PROVINCE_LABELS: Record<string, string> = {
  '110000': '北京',
  '130000': '河北',
  '140000': '山西',
  '150000': '内蒙古',
  '210000': '辽宁',
  '220000': '吉林',
  '230000': '黑龙江',
  '320000': '江苏',
  '330000': '浙江',
  '340000': '安徽',
  '350000': '福建',
  '360000': '江西',
  '370000': '山东',
  '410000': '河南',
  '420000': '湖北',
  '430000': '湖南',
  '440000': '广东',
  '450000': '广西',
  '500000': '重庆',
  '510000': '四川',
  '520000': '贵州',
  '530000': '云南',
  '540000': '西藏',
  '610000': '陕西',
  '620000': '甘肃',
  '630000': '青海',
  '640000': '宁夏',
  '650000': '新疆',
};

/** County names the dashboard shows when an address names no town. */
export const COUNTY_LABELS: Record<string, string> = {
  '330281': '余姚市',
  '330282': '慈溪市',
  '330212': '鄞州区',
  '000000': '未登记企业',
};

/** Label of a region key (`330281:阳明街道` → 阳明街道; `330281:` → 余姚市). */
export function regionLabel(key: string): string {
  const [code, town] = key.split(':');
  return town || COUNTY_LABELS[code] || code;
}

/** Size labels as officials say them. */
export const SIZE_LABELS: Record<string, string> = { above: '规上企业', below: '规下企业', none: '未登记' };
