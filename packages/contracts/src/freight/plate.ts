/**
 * Chinese civil number plates (GA 36-2018) as a freight pass needs them:
 * - ordinary (7 characters): province abbreviation, issuing-office letter, 5 characters of
 *   letters (never I or O, which read as 1 and 0) and digits; a trailer ends in 挂, a
 *   Guangdong cross-border vehicle in 港 or 澳 (e.g. 浙B12345, 浙B1234挂, 粤Z1234港);
 * - new energy (8 characters): province, letter, then 6: small vehicles D/F (纯电/非纯电) first
 *   (浙AD12345), large ones — the lorries a freight pass is mostly for — D/F last (浙B12345D).
 * Police and military plates are not civil and are refused.
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = '[A-HJ-NP-Z]';
const ALNUM = '[A-HJ-NP-Z0-9]';
const ORDINARY = new RegExp(`^[${PROVINCES}]${LETTER}${ALNUM}{4}(?:${ALNUM}|[挂港澳])$`);
const NEW_ENERGY = new RegExp(`^[${PROVINCES}]${LETTER}(?:[DF]${ALNUM}\\d{4}|\\d{5}[DF])$`);

/** What people type, made comparable: no spaces or separator dots, upper case (浙b·12345 → 浙B12345). */
export function normalisePlate(value: string): string {
  return value.replace(/[\s·•．.\-]/g, '').toUpperCase();
}

/** True for a well-formed civil plate (ordinary or new energy), after normalisation. */
export function isValidPlate(value: string): boolean {
  const plate = normalisePlate(value);
  return ORDINARY.test(plate) || NEW_ENERGY.test(plate);
}

export const PLATE_FORMAT_MESSAGE =
  '车牌号格式不正确：应为省份简称 + 字母 + 5 位（新能源 6 位），如 浙B12345、浙B12345D、浙AD12345';
