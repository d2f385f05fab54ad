import { creditCodeCheckChar, isValidCreditCode, normaliseCreditCode } from './credit-code';

describe('统一社会信用代码 checksum (GB 32100-2015)', () => {
  it('when the published sample code is checked, then its check character 3 is computed and accepted', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('when Yuyao-format codes carry their computed check character, then they are accepted', () => {
    for (const code of [
      '91330281MA2H5XYY0M',
      '91330281144156788J',
      '123302810029600114',
      '91330281704829374T',
    ]) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('when one character is mistyped, then the check fails', () => {
    expect(isValidCreditCode('91350100M000100Y42')).toBe(false);
    expect(isValidCreditCode('91350100M000101Y43')).toBe(false);
  });

  it('when the code uses a letter outside the alphabet (I, O, S, V, Z), has the wrong length or a non-digit region, then it is refused', () => {
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false);
    expect(() => creditCodeCheckChar('I1350100M000100Y4')).toThrow(TypeError);
  });

  it('when a code is typed in lower case with spaces, then normalising makes it valid', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });
});
