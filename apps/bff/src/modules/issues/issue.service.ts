import { randomInt } from 'node:crypto';
import {
  ISSUE_STATE_LABELS,
  type IssueDetail,
  type IssueInput,
  type IssueDraft,
  type IssueState,
  type IssueCategory,
} from '@fugong/contracts';
import {
  InvalidTransitionError,
  OPEN_ISSUE_STATES,
  allowedIssueActions,
  chinaDay,
  firstResponseDue,
  nextIssueState,
  resolutionDue,
  type IssueAction,
  type IssueSlaPolicy,
} from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { EnterpriseRepository, EnterpriseScope } from '../enterprises';
import type { AssignmentRepository } from '../assignments';
import type { AttachmentRepository } from './attachment.repository';
import type { IssueFilter, IssueRecord, IssueRepository, TimelineRecord } from './issue.repository';
import { actionsFor, canSee, mayPerform, relationOf, timelineRole, type IssueRelation } from './issue-access';
import { toIssueDetail, toIssueView } from './issue-view';
import { buildTransition, type ActionBody } from './issue-transitions';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

export interface IssueServiceDeps {
  issues: IssueRepository;
  enterprises: EnterpriseRepository;
  scope: EnterpriseScope;
  assignments: AssignmentRepository;
  attachments: AttachmentRepository;
  clock: Clock;
  sla: IssueSlaPolicy;
  /** Where a filed or moved issue is announced (the dashboard's figures listen). */
  events?: RecordEventPublisher;
}

/** Reporting, listing and moving issues through their lifecycle, scoped to the caller. */
/** What other issue features (photos) may ask about an issue: who may see it, and as what. */
export interface IssueAccess {
  relationTo(actor: Actor, id: string): Promise<{ issue: IssueRecord; relation: IssueRelation } | null>;
}

export class IssueService implements IssueAccess {
  constructor(private readonly d: IssueServiceDeps) {}

  private get events(): RecordEventPublisher {
    return this.d.events ?? NO_LISTENERS;
  }

  /** A liaison or the enterprise's steward reports a problem. */
  async create(actor: Actor, input: IssueInput): Promise<IssueDetail> {
    if (!(await this.d.scope.actsForEnterprise(actor, input.enterpriseId)))
      throw new DomainError('FORBIDDEN', '只能为本企业（或您服务的企业）申报问题');
    if (input.attachmentIds.length > 0) {
      const owned = await this.d.attachments.countClaimable(
        input.attachmentIds,
        actor.id,
        input.enterpriseId,
      );
      if (owned !== new Set(input.attachmentIds).size) {
        throw new DomainError('VALIDATION_ERROR', '图片无效或已被使用，请重新上传', [
          { path: 'attachmentIds', message: '图片无效或已被使用', code: 'invalid' },
        ]);
      }
    }
    const source =
      hasRole(actor, 'liaison') && actor.enterpriseId === input.enterpriseId ? 'liaison' : 'steward';
    const issue = await this.insert(actor, input.enterpriseId, input, {
      source,
      attachmentIds: input.attachmentIds,
      visitId: null,
      visitProblemIndex: null,
    });
    if (input.attachmentIds.length > 0)
      await this.d.attachments.claim(input.attachmentIds, actor.id, issue.id);
    return this.detail(actor, issue);
  }

  /** A problem found on a visit, raised as an issue on the enterprise's behalf; a retry reuses it. */
  async raiseFromVisit(
    actor: Actor,
    enterpriseId: string,
    visitId: string,
    index: number,
    draft: IssueDraft,
  ): Promise<IssueRecord> {
    return this.insert(actor, enterpriseId, draft, {
      source: 'visit',
      attachmentIds: [],
      visitId,
      visitProblemIndex: index,
    });
  }

  async list(
    actor: Actor,
    q: {
      page: number;
      pageSize: number;
      state?: IssueState;
      category?: IssueCategory;
      enterpriseId?: string;
      open?: 'true' | 'false';
    },
  ) {
    const filter: IssueFilter = { category: q.category, enterpriseId: q.enterpriseId };
    if (q.state) filter.states = [q.state];
    else if (q.open === 'true') filter.states = [...OPEN_ISSUE_STATES];
    else if (q.open === 'false') filter.states = ['confirmed'];
    if (hasRole(actor, 'admin')) filter.enterpriseIds = 'all';
    else if (hasRole(actor, 'officer') && !hasRole(actor, 'liaison', 'steward')) {
      if (!actor.departmentId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      filter.departmentCode = actor.departmentId;
    } else filter.enterpriseIds = await this.d.scope.enterpriseIds(actor);
    const { items, total } = await this.d.issues.list(filter, q.page, q.pageSize);
    const stewardOf = new Set(
      hasRole(actor, 'steward') ? await this.d.assignments.enterpriseIdsOfSteward(actor.id) : [],
    );
    const now = this.d.clock.now();
    return {
      items: items.map((i) => toIssueView(i, now, actionsFor(this.relationSync(actor, i, stewardOf), i))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<IssueDetail> {
    const issue = await this.d.issues.findById(id);
    if (!issue) throw new DomainError('NOT_FOUND', '未找到该问题');
    const rel = await this.relation(actor, issue);
    if (!canSee(rel)) throw new DomainError('NOT_FOUND', '未找到该问题');
    return toIssueDetail(issue, this.d.clock.now(), actionsFor(rel, issue));
  }

  /** The issue and how the actor relates to it; null when there is none or the actor may not see it. */
  async relationTo(
    actor: Actor,
    id: string,
  ): Promise<{ issue: IssueRecord; relation: IssueRelation } | null> {
    const issue = await this.d.issues.findById(id);
    if (!issue) return null;
    const relation = await this.relation(actor, issue);
    return canSee(relation) ? { issue, relation } : null;
  }

  /** Performs one lifecycle action, atomically guarded on the state it was decided in. */
  async act(actor: Actor, id: string, action: IssueAction, body: ActionBody): Promise<IssueDetail> {
    const issue = await this.d.issues.findById(id);
    if (!issue) throw new DomainError('NOT_FOUND', '未找到该问题');
    const rel = await this.relation(actor, issue);
    if (!canSee(rel)) throw new DomainError('NOT_FOUND', '未找到该问题');
    if (!mayPerform(rel, action)) throw new DomainError('FORBIDDEN', '您不能对该问题进行此操作');
    const updated = await this.perform(actor, rel, issue, action, body);
    return toIssueDetail(
      updated,
      this.d.clock.now(),
      actionsFor(await this.relation(actor, updated), updated),
    );
  }

  /**
   * An issue raised on an enterprise's behalf by the command's side (a key project's need, a
   * hotline call) and
   * dispatched at once: accepted and dispatched by the same rules and clocks as any other.
   */
  async raiseDispatched(
    actor: Actor,
    enterpriseId: string,
    draft: IssueDraft,
    departmentCode: string,
    note: string,
    acceptNote = '重点项目服务清单受理',
  ): Promise<IssueRecord> {
    const rel: IssueRelation = { command: true, forEnterprise: false, steward: false, department: false };
    const issue = await this.insert(actor, enterpriseId, draft, {
      source: 'steward',
      attachmentIds: [],
      visitId: null,
      visitProblemIndex: null,
    });
    const accepted = await this.perform(actor, rel, issue, 'accept', { note: acceptNote });
    return this.perform(actor, rel, accepted, 'dispatch', { departmentCode, note });
  }

  /** The command's shortcut for 共性问题 and policy questions: accept if needed, then answer. */
  async answerAsCommand(actor: Actor, issue: IssueRecord, answer: string): Promise<IssueRecord> {
    const rel: IssueRelation = { command: true, forEnterprise: false, steward: false, department: false };
    const accepted =
      issue.state === 'submitted'
        ? await this.perform(actor, rel, issue, 'accept', { note: '共性问题统一受理' })
        : issue;
    return this.perform(actor, rel, accepted, 'answer', { answer });
  }

  private async perform(
    actor: Actor,
    rel: IssueRelation,
    issue: IssueRecord,
    action: IssueAction,
    body: ActionBody,
  ): Promise<IssueRecord> {
    const to = this.nextState(issue, action);
    if (action === 'answer' && !rel.command && issue.state !== 'dispatched')
      throw this.invalid(issue, action);
    const now = this.d.clock.now();
    const { set, note, departmentCode } = buildTransition(action, issue, body, now, this.d.sla);
    const event: TimelineRecord = {
      at: now,
      type: eventType(action),
      actorId: actor.id,
      actorRole: timelineRole(rel, actor),
      fromState: issue.state,
      toState: to,
      departmentCode,
      note,
    };
    // Officers act only while the issue is still with their department: a transfer racing an answer loses one side.
    const guard =
      rel.department && !rel.command
        ? { state: issue.state, departmentCode: issue.departmentCode }
        : { state: issue.state };
    const updated = await this.d.issues.transition(issue.id, guard, { ...set, state: to }, event);
    if (updated) {
      await this.events.publish({
        type: 'issue.moved',
        issueId: updated.id,
        enterpriseId: updated.enterpriseId,
      });
      return updated;
    }
    const fresh = await this.d.issues.findById(issue.id);
    if (fresh && fresh.state !== issue.state) throw this.invalid(fresh, action);
    throw new DomainError('CONFLICT', '该问题刚被他人处理，请刷新后重试');
  }

  private nextState(issue: IssueRecord, action: IssueAction): IssueState {
    try {
      return nextIssueState(issue.state, action);
    } catch (err) {
      if (err instanceof InvalidTransitionError) throw this.invalid(issue, action);
      throw err;
    }
  }

  private invalid(issue: IssueRecord, action: IssueAction): DomainError {
    return new DomainError(
      'INVALID_TRANSITION',
      `问题当前为“${stateLabel(issue.state)}”，不能${actionLabel(action)}`,
      {
        state: issue.state,
        action,
        allowed: allowedIssueActions(issue.state),
      },
    );
  }

  private async insert(
    actor: Actor,
    enterpriseId: string,
    draft: IssueDraft,
    extra: {
      source: IssueRecord['source'];
      attachmentIds: string[];
      visitId: string | null;
      visitProblemIndex: number | null;
    },
  ): Promise<IssueRecord> {
    const enterprise = await this.d.enterprises.findById(enterpriseId);
    if (!enterprise) throw new DomainError('NOT_FOUND', '未找到该企业');
    const now = this.d.clock.now();
    const clocks = {
      firstResponse: {
        dueAt: firstResponseDue(now, draft.urgency, this.d.sla),
        metAt: null,
        remindedAt: null,
        escalatedAt: null,
      },
      progress: { dueAt: null, metAt: null, remindedAt: null, escalatedAt: null },
      resolution: {
        dueAt: resolutionDue(now, draft.urgency, this.d.sla),
        metAt: null,
        remindedAt: null,
        escalatedAt: null,
      },
    };
    const firstEvent: TimelineRecord = {
      at: now,
      type: 'submitted',
      actorId: actor.id,
      actorRole: extra.source === 'liaison' ? 'liaison' : 'steward',
      fromState: null,
      toState: 'submitted',
      departmentCode: null,
      note: extra.source === 'visit' ? '走访中发现的问题' : '',
    };
    for (let attempt = 0; ; attempt += 1) {
      const number = `${chinaDay(now).replace(/-/g, '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
      try {
        const created = await this.d.issues.create({
          number,
          enterpriseId,
          enterpriseName: enterprise.name,
          ...draft,
          ...extra,
          reportedBy: actor.id,
          reportedAt: now,
          clocks,
          firstEvent,
        });
        await this.events.publish({
          type: 'issue.moved',
          issueId: created.id,
          enterpriseId: created.enterpriseId,
        });
        return created;
      } catch (err) {
        // Only a clash of the random number is retried; everything else is a real failure.
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }

  private async detail(actor: Actor, issue: IssueRecord): Promise<IssueDetail> {
    return toIssueDetail(issue, this.d.clock.now(), actionsFor(await this.relation(actor, issue), issue));
  }

  private async relation(actor: Actor, issue: IssueRecord): Promise<IssueRelation> {
    const stewardOf = hasRole(actor, 'steward')
      ? new Set(await this.d.assignments.enterpriseIdsOfSteward(actor.id))
      : new Set<string>();
    return this.relationSync(actor, issue, stewardOf);
  }

  private relationSync(actor: Actor, issue: IssueRecord, stewardOf: Set<string>): IssueRelation {
    const steward = stewardOf.has(issue.enterpriseId);
    const liaison = hasRole(actor, 'liaison') && actor.enterpriseId === issue.enterpriseId;
    return relationOf(actor, issue, { forEnterprise: steward || liaison, steward });
  }
}

const eventType = (a: IssueAction): TimelineRecord['type'] =>
  ({
    accept: 'accepted',
    dispatch: 'dispatched',
    transfer: 'transferred',
    answer: 'answered',
    confirm: 'confirmed',
    reopen: 'reopened',
  })[a];

const stateLabel = (s: IssueState) => ISSUE_STATE_LABELS[s];

const actionLabel = (a: IssueAction) =>
  ({
    accept: '受理',
    dispatch: '派单',
    transfer: '转办',
    answer: '答复',
    confirm: '确认',
    reopen: '退回重办',
  })[a];
