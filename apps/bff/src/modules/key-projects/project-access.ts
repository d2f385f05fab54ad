import { PROJECT_REGISTRY_DEPARTMENT } from '@fugong/contracts';
import { hasRole, type Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import type { ProjectRecord } from './project.repository';

/** 发改委 keeps the registry; the command (指挥部) sees and steers everything. */
export const keepsRegistry = (a: Actor) =>
  hasRole(a, 'admin') || (hasRole(a, 'officer') && a.departmentId === PROJECT_REGISTRY_DEPARTMENT);

/** The registry keeper, or the project's own 代办负责人 / 联络员: they steer it (nodes, dispatch, 会办). */
export const steers = (a: Actor, p: ProjectRecord) =>
  keepsRegistry(a) || p.agent.id === a.id || p.contact.id === a.id;

/** The owner enterprise's liaison: reports progress and raises needs for its own projects. */
export const ownsFirm = (a: Actor, p: ProjectRecord) =>
  hasRole(a, 'liaison') && a.enterpriseId === p.enterpriseId;

export const sees = (a: Actor, p: ProjectRecord) => steers(a, p) || ownsFirm(a, p);

export const projectNotFound = () => new DomainError('NOT_FOUND', '未找到该重点项目');

/** The project if the actor may see it; otherwise the same 404 as a missing one (no probing). */
export function visibleOr404(a: Actor, p: ProjectRecord | null): ProjectRecord {
  if (!p || !sees(a, p)) throw projectNotFound();
  return p;
}
