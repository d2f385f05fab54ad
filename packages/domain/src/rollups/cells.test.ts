import { cellKey, cellMatches, parseCellKey, townOf } from './cells';

describe('townOf', () => {
  it('when an address starts with the county and a 街道 or 镇, then that town is read', () => {
    expect(townOf('余姚市阳明街道光电路 8 号')).toBe('阳明街道');
    expect(townOf('余姚市泗门镇工业区 3 号')).toBe('泗门镇');
    expect(townOf('浙江省宁波市余姚市梁弄镇')).toBe('梁弄镇');
  });

  it('when an address names no town, then it is empty', () => {
    expect(townOf('余姚市经济开发区城东路 66 号')).toBe('');
    expect(townOf('')).toBe('');
  });
});

describe('cell keys and filters', () => {
  const key = cellKey({ regionCode: '330281', town: '阳明街道', industry: '光学.仪器', size: 'above' });

  it('when a key is built, then characters MongoDB field names cannot hold are replaced and it parses back', () => {
    expect(key).toBe('330281:阳明街道~光学_仪器~above');
    expect(parseCellKey(`${key}~520000`)).toMatchObject({
      regionCode: '330281',
      town: '阳明街道',
      industry: '光学_仪器',
      size: 'above',
      extra: ['520000'],
    });
  });

  it('when filtered by county, town, industry or size, then only matching cells pass', () => {
    expect(cellMatches(key, { region: '330281' })).toBe(true);
    expect(cellMatches(key, { region: '330281:阳明街道' })).toBe(true);
    expect(cellMatches(key, { region: '330281:兰江街道' })).toBe(false);
    expect(cellMatches(key, { region: '330282' })).toBe(false);
    expect(cellMatches(key, { industry: '光学.仪器', size: 'above' })).toBe(true);
    expect(cellMatches(key, { size: 'below' })).toBe(false);
  });
});
