import { capacityText } from './capacity';
import { fromChinaDateTime, toChinaDateTime } from '../../../services/format';

describe('trip form helpers', () => {
  it('when seats and cap are valid, then the capacity is floor(seats × cap) as the server counts it', () => {
    expect(capacityText('45', '50')).toBe('限载 22 人（45 座 × 客座率 50%）');
    expect(capacityText('33', '29')).toBe('限载 9 人（33 座 × 客座率 29%）');
  });

  it('when seats or cap are missing or out of range, then the line says what to fill in', () => {
    expect(capacityText('', '50')).toBe('填写座位数（5–120）后显示限载人数');
    expect(capacityText('45', '150')).toBe('客座率应为 1–100 的整数');
  });

  it('when a China time is typed, then it travels with its +08:00 offset and reads back the same', () => {
    expect(fromChinaDateTime(' 2026-03-06 7:05 ')).toBe('2026-03-06T07:05:00+08:00');
    expect(toChinaDateTime('2026-03-05T23:05:00.000Z')).toBe('2026-03-06 07:05');
    expect(fromChinaDateTime('明天早上')).toBe('明天早上');
  });
});
