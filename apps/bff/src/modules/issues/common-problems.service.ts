import { groupCommonProblems } from '@fugong/domain';
import type { IssueCategory, IssueState } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { IssueRepository } from './issue.repository';
import type { IssueService } from './issue.service';

/** States in which a common policy answer can still reply (answered/confirmed ones already have one). */
const ANSWERABLE: IssueState[] = ['submitted', 'accepted', 'dispatched', 'reopened'];

/** 共性问题 for the command: see the same problem across firms and answer all of them at once. */
export class CommonProblemsService {
  constructor(
    private readonly issues: IssueRepository,
    private readonly service: IssueService,
  ) {}

  async list(minEnterprises: number) {
    const { items } = await this.issues.list({ enterpriseIds: 'all', states: ANSWERABLE }, 1, 2000);
    return {
      items: groupCommonProblems(items, minEnterprises).map((g) => ({
        category: g.category as IssueCategory,
        enterprises: g.enterprises,
        issues: g.issues.map((i) => ({
          id: i.id,
          enterpriseName: i.enterpriseName,
          description: i.description,
          state: i.state,
        })),
      })),
    };
  }

  /** One policy answer to many issues; each moves on its own guarded update, the rest are reported as skipped. */
  async answerAll(actor: Actor, input: { category: IssueCategory; issueIds: string[]; answer: string }) {
    const answered: string[] = [];
    const skipped: { id: string; state: string }[] = [];
    const found = new Map((await this.issues.findByIds(input.issueIds)).map((i) => [i.id, i]));
    for (const id of new Set(input.issueIds)) {
      const issue = found.get(id);
      if (!issue || issue.category !== input.category || !ANSWERABLE.includes(issue.state)) {
        skipped.push({
          id,
          state: issue ? (issue.category !== input.category ? 'other_category' : issue.state) : 'not_found',
        });
        continue;
      }
      try {
        await this.service.answerAsCommand(actor, issue, `【共性问题统一答复】${input.answer}`);
        answered.push(id);
      } catch {
        // Moved by someone else between the read and the update: report it, do not fail the batch.
        skipped.push({ id, state: 'changed' });
      }
    }
    return { answered, skipped };
  }
}
