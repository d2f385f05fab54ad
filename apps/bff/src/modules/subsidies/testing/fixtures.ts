import { idNumberCheckChar } from '@fugong/contracts';
import type { TestApp } from '../../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../../enterprises/testing/fixtures';

/** A valid resident ID number, distinct per `n` (born 1990-01-01 in 贵阳). */
export function idNumber(n: number): string {
  const first17 = `520102199001${String(10 + (n % 19)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export const ROSTER_HEADER = '统一社会信用代码,身份证号,入职日期,劳动合同起始日期,劳动合同终止日期,是否参保';
export const PREMIUM_HEADER =
  '统一社会信用代码,是否中小微企业,上年初参保人数,上年度裁员人数,上年度实缴失业保险费（元）';

/** `n` roster lines of new hires for a firm: hired 2020-02-15 on 1-year contracts with insurance. */
export function hires(
  creditCode: string,
  n: number,
  from = 0,
  over: Partial<Record<'hiredOn' | 'end' | 'insured', string>> = {},
) {
  return Array.from({ length: n }, (_, i) =>
    [
      creditCode,
      idNumber(from + i),
      over.hiredOn ?? '2020-02-15',
      '2020-02-15',
      over.end ?? '2021-02-14',
      over.insured ?? '是',
    ].join(','),
  );
}

export const csv = (header: string, lines: string[]) => `${header}\r\n${lines.join('\r\n')}\r\n`;

/** Posts an import as the given officer; CSV text is sent as UTF-8 unless bytes are given. */
export function importFacts(
  t: TestApp,
  who: Person,
  kind: 'roster' | 'premiums' | 'placements' | 'trainings' | 'charters',
  data: string | Buffer,
  extra: Record<string, unknown> = {},
) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return t.http
    .post('/api/subsidies/imports')
    .set(who.auth)
    .send({ kind, period: '2020', format: 'csv', dataBase64: bytes.toString('base64'), ...extra });
}

/** Runs a policy for 2020 as the given officer. */
export const runPolicy = (t: TestApp, who: Person, policy: string) =>
  t.http.post('/api/subsidies/runs').set(who.auth).send({ policy, period: '2020' });

/** Posts to a list action (approve, publish, payments, items/:id/exclude …). */
export const listAction = (t: TestApp, who: Person, listId: string, action: string, body?: object) =>
  t.http
    .post(`/api/subsidies/lists/${listId}/${action}`)
    .set(who.auth)
    .send(body ?? {});

let gbk: Map<string, number[]> | null = null;
/** Text as GBK bytes (Node decodes GBK but cannot encode it): the reverse of TextDecoder('gbk'). */
export function encodeGbk(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const d = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a += 1)
      for (let b = 0x40; b <= 0xfe; b += 1) {
        const c = d.decode(Buffer.from([a, b]));
        if (c.length === 1 && !gbk.has(c)) gbk.set(c, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (gbk.has(ch)) out.push(...gbk.get(ch)!);
    else throw new TypeError(`no GBK code for ${ch}`);
  }
  return Buffer.from(out);
}

/**
 * A test city for the subsidy flows: one firm per credit code (created by the command), 人社局's
 * officer, and the clock at 2020-03-16 09:00 in China, inside the 2020 hiring window's month.
 */
export async function subsidyCity(t: TestApp, codes: string[]): Promise<{ rsj: Person; firms: string[] }> {
  const admin = await signInAs(t, ['admin']);
  const firms: string[] = [];
  for (const code of codes) firms.push(await createEnterprise(t, admin, { creditCode: code }));
  const rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  t.clock.set(new Date('2020-03-16T09:00:00+08:00'));
  return { rsj, firms };
}
