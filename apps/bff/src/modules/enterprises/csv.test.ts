import { parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('when fields are quoted with commas, doubled quotes and line breaks, then they come back intact', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('when Excel writes a BOM and a blank line, then the BOM is dropped and the blank row keeps numbering', () => {
    expect(parseCsv('\ufeff企业名称,人数\n\n甲,3')).toEqual([['企业名称', '人数'], [''], ['甲', '3']]);
  });

  it('when a quote is never closed, then parsing fails loudly', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(SyntaxError);
  });
});
