import { csvCell, csvLine } from './csv';

describe('CSV cells in downloads', () => {
  it('when a cell starts like a spreadsheet formula, then it is written as text, so it cannot run in Excel', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+86 138')).toBe(`'+86 138`);
    expect(csvCell('-1')).toBe(`'-1`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
  });

  it('when a cell holds a comma, a quote or a line break, then it is quoted; empty and numbers stay plain', () => {
    expect(csvCell('余姚,兰江')).toBe('"余姚,兰江"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvLine(['行号', 1, null])).toBe('行号,1,\r\n');
  });
});
