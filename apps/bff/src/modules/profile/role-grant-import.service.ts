import {
  DEPARTMENTS,
  ROLE_GRANT_FILE_MAX_BYTES,
  ROLE_GRANT_OUTCOME_LABELS,
  ROLE_LABELS,
  type RoleGrantImport,
  type RoleGrantLine,
  type RoleGrantRow,
} from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError, notFound } from '../../errors';
import type { MultipartBody } from '../../http/multipart';
import type { RawResponse } from '../../http/route';
import { csvLine } from '../../http/csv';
import { sheetFormatOf } from '../enterprises';
import type { GrantScope, PersonRecord, ProfileRepository } from './profile.repository';
import { readGrantSheet, type CheckedGrantRow } from './role-grant-sheet';
import type { RoleGrantImportRecord, RoleGrantImportRepository } from './role-grant-import.repository';
import type { EnterpriseLookup } from './profile.service';

type GrantSheet = {
  filename: string;
  format: 'csv' | 'xlsx';
  rows: CheckedGrantRow[];
  encoding: string | null;
};
type Outcome = Pick<RoleGrantLine, 'outcome' | 'reason'>;
const refused = (reason: string): Outcome => ({ outcome: 'refused', reason });
const departmentName = (code: string | null) => DEPARTMENTS.find((d) => d.code === code)?.name ?? code;
const CHANGE_ON_PEOPLE = '如需调整请在人员与角色修改';

const view = (r: RoleGrantImportRecord): RoleGrantImport => ({
  id: r.id,
  filename: r.filename,
  format: r.format,
  encoding: r.encoding,
  totalRows: r.lines.length,
  granted: r.granted,
  already: r.already,
  refused: r.refused,
  rows: r.lines,
  at: r.at.toISOString(),
});

/**
 * 批量授权: the command grants roles from a sheet (手机号、角色、范围、备注). Every row is checked
 * whole before anything is written, then applied on its own with the guarded add-role write, so a
 * row is granted whole or not at all and a re-upload reports 已有. Each grant is audited exactly
 * as a single grant on 人员与角色 is (roles.grant).
 */
export class RoleGrantImportService {
  constructor(
    private readonly d: {
      people: ProfileRepository;
      imports: RoleGrantImportRepository;
      enterprises: EnterpriseLookup;
      pii: PiiCipher;
      audit: AuditRepository;
      clock: Clock;
    },
  ) {}

  async upload(
    actor: Actor,
    encoding: 'utf-8' | 'gb18030' | 'gbk' | undefined,
    body: MultipartBody,
    requestId: string,
  ): Promise<RoleGrantImport> {
    // Filled by the file part's callback (TypeScript cannot see a callback assign a local).
    const got: { sheet?: GrantSheet } = {};
    await body.files(
      async (part) => {
        try {
          const format = sheetFormatOf(part.filename);
          const read = await readGrantSheet(format, part.stream, encoding);
          if (part.truncated())
            throw new DomainError(
              'PAYLOAD_TOO_LARGE',
              `文件超过 ${ROLE_GRANT_FILE_MAX_BYTES / 1024 / 1024} MB，请分批上传`,
            );
          got.sheet = { filename: part.filename, format, ...read };
        } finally {
          part.stream.resume(); // let the rest drain so the request can answer
        }
      },
      { maxFileBytes: ROLE_GRANT_FILE_MAX_BYTES, maxFiles: 1, fields: ['file'] },
    );
    const s = got.sheet;
    if (!s)
      throw new DomainError('VALIDATION_ERROR', '请选择授权表格', [
        { path: 'file', message: '缺少文件', code: 'required' },
      ]);
    const enterpriseIds = new Map<string, string | null>();
    const lines: RoleGrantLine[] = [];
    for (const row of s.rows) {
      const outcome = row.grant
        ? await this.apply(actor, row.grant, enterpriseIds, requestId)
        : refused(row.reason);
      lines.push({
        row: row.row,
        phoneMasked: row.phoneMasked,
        role: row.grant ? ROLE_LABELS[row.grant.role] : row.role,
        scope: row.scope,
        ...outcome,
      });
    }
    const count = (o: RoleGrantLine['outcome']) => lines.filter((l) => l.outcome === o).length;
    const saved = await this.d.imports.record({
      actorId: actor.id,
      filename: s.filename,
      format: s.format,
      encoding: s.encoding,
      at: this.d.clock.now(),
      granted: count('granted'),
      already: count('already'),
      refused: count('refused'),
      lines,
    });
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'roles.grant.sheet',
      subjectType: 'role_grant_import',
      subjectId: saved.id,
      fields: [`granted:${saved.granted}`, `already:${saved.already}`, `refused:${saved.refused}`],
      requestId,
    });
    return view(saved);
  }

  /** One checked row: find the account and the scope, then the guarded write; why not, when it did not apply. */
  private async apply(
    actor: Actor,
    g: RoleGrantRow,
    enterpriseIds: Map<string, string | null>,
    requestId: string,
  ): Promise<Outcome> {
    const person = await this.d.people.findByPhoneHash(this.d.pii.lookupHash(g.phone));
    if (!person) return refused('该手机号还没有复工通账号，请本人先登录一次');
    if (person.id === actor.id) return refused('不能通过表格修改自己的角色');
    let scope: GrantScope = null;
    if (g.scope?.kind === 'department') scope = { kind: 'department', departmentId: g.scope.code };
    if (g.scope?.kind === 'enterprise') {
      if (!enterpriseIds.has(g.scope.code))
        enterpriseIds.set(
          g.scope.code,
          (await this.d.enterprises.findByCreditCode(g.scope.code))?.id ?? null,
        );
      const enterpriseId = enterpriseIds.get(g.scope.code);
      if (!enterpriseId) return refused('企业名录中没有该统一社会信用代码的企业');
      scope = { kind: 'enterprise', enterpriseId };
    }
    const saved = await this.d.people.addRole(person.id, g.role, scope);
    if (saved) {
      await this.d.audit.append({
        at: this.d.clock.now(),
        actorId: actor.id,
        action: 'roles.grant',
        subjectType: 'user',
        subjectId: person.id,
        fields: saved.roles,
        requestId,
      });
      return { outcome: 'granted', reason: '' };
    }
    const now = await this.d.people.findById(person.id);
    return now ? whyNot(now, g, scope) : refused('该账号已不存在');
  }

  /** The per-row report as CSV (UTF-8 with BOM, so Excel opens it in Chinese); audited as an export. */
  async report(actor: Actor, id: string, requestId: string): Promise<RawResponse> {
    const r = await this.d.imports.findById(id);
    if (!r) throw notFound('该批量授权记录');
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'roles.grant.report',
      subjectType: 'role_grant_import',
      subjectId: id,
      fields: [],
      requestId,
    });
    const head = csvLine(['行号', '手机号', '角色', '范围', '结果', '原因']);
    const body = r.lines.map((l) =>
      csvLine([l.row, l.phoneMasked, l.role, l.scope, ROLE_GRANT_OUTCOME_LABELS[l.outcome], l.reason]),
    );
    return {
      raw: true,
      contentType: 'text/csv; charset=utf-8',
      filename: `批量授权报告-${r.filename.replace(/\.[^.]+$/, '')}.csv`,
      body: `\ufeff${head}${body.join('')}`,
    };
  }
}

/** Why the guarded write did not apply, from the person as they are now. */
function whyNot(p: PersonRecord, g: RoleGrantRow, scope: GrantScope): Outcome {
  const label = ROLE_LABELS[g.role];
  const has = p.roles.includes(g.role);
  if (scope?.kind === 'department' && p.departmentId !== scope.departmentId)
    return refused(
      has
        ? `已是${departmentName(p.departmentId)}的${label}，${CHANGE_ON_PEOPLE}`
        : `该账号已登记在${departmentName(p.departmentId)}，${CHANGE_ON_PEOPLE}`,
    );
  if (scope?.kind === 'enterprise' && p.enterpriseId !== scope.enterpriseId)
    return refused(
      has
        ? `已是其他企业的${label}，${CHANGE_ON_PEOPLE}`
        : `该账号登记的所属企业不是该企业，${CHANGE_ON_PEOPLE}`,
    );
  return has ? { outcome: 'already', reason: '' } : refused('授权未生效（账号正在被修改），请重新上传');
}
