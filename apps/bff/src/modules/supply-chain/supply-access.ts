import { hasRole, type Actor } from '../../auth/actor';
import { DomainError } from '../../errors';

/** 工信局 (the seeds' 工业和信息化部门) and the command see every post, match and chain. */
export const SUPPLY_DEPARTMENT = 'gxj';
export const seesAll = (a: Actor) =>
  hasRole(a, 'admin') || (hasRole(a, 'officer') && a.departmentId === SUPPLY_DEPARTMENT);
/** The firm a liaison acts for; null for anyone else (a steward never posts or matches). */
export const firmOf = (a: Actor) => (hasRole(a, 'liaison') && a.enterpriseId ? a.enterpriseId : null);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `未找到该${what}`);
