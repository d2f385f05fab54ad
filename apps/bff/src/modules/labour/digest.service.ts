import { pageLink, SHARED_PAGES } from '@fugong/contracts';
import {
  addDays,
  byIndustry,
  chinaDay,
  chinaDayStart,
  DIGEST_FROM_HOUR,
  fittingSeekers,
  FreshPostings,
  freshSince,
} from '@fugong/domain';
import type { Clock } from '../../clock';
import type { OutboxMessage } from '../notifications';
import type { DigestRecord, DigestRepository } from './digest.repository';
import type { SeekerRepository } from './seeker.repository';
import type { VacancyRecord, VacancyRepository } from './vacancy.repository';

/** The outbox message a digest becomes: delivered to the inbox, and as a subscribe message where consented. */
export type DigestMessage = OutboxMessage & { kind: 'labour_digest' | 'labour_candidates' };
/** Where digests go out (the notifications outbox, via the container); idempotent by message id. */
export interface DigestNotices {
  enqueue(messages: DigestMessage[]): Promise<void>;
}

/** What the digest reads (seekers, the day's postings), where it claims, and where it sends. */
export interface DigestDeps {
  digests: DigestRepository;
  vacancies: VacancyRepository;
  seekers: SeekerRepository;
  notices: DigestNotices;
  clock: Clock;
}

const HOUR_MS = 3_600_000;
/** New postings a day's digests are drawn from: Yuyao posts ~100 a day (36,000 a year, seed 003). */
const MAX_NEW_VACANCIES = 2000;
/** Seekers per page of the sweep: one read, one claim insert and one outbox write each. */
const SEEKER_PAGE = 2000;
/** New registrations a day's firm digests are drawn from, and the open vacancies they are matched to. */
const MAX_NEW_SEEKERS = 5000;
const MAX_OPEN_VACANCIES = 5000;

/**
 * 一对一推送 (seed 003): once a day from 08:00, each seeker gets one digest of the vacancies
 * posted in the last 24 hours that fit them — in the in-app inbox and, where they accepted the
 * template, as a WeChat subscribe message (the outbox's sender decides that). The firms' side:
 * whoever posted a vacancy that seekers registered in the last 24 hours fit is told how many.
 * A tick runs it; later ticks that day find the day's sweep marked done.
 */
export class LabourDigestService {
  constructor(private readonly d: DigestDeps) {}

  /** One tick: what it did, for the job log. */
  async run(): Promise<{ day: string; digests: number; seekers: number; skipped?: string }> {
    const now = this.d.clock.now();
    const day = chinaDay(now);
    if (now.getTime() - chinaDayStart(day).getTime() < DIGEST_FROM_HOUR * HOUR_MS)
      return { day, digests: 0, seekers: 0, skipped: 'before_hour' };
    // A run that died between its claim and the outbox left digests to hand on.
    await this.queue(await this.d.digests.unqueued(day, SEEKER_PAGE));
    if (await this.d.digests.finishedDay(day)) return { day, digests: 0, seekers: 0, skipped: 'done' };
    const fresh = await this.d.vacancies.postedSince(
      new Date(now.getTime() - 24 * HOUR_MS),
      freshSince(now),
      MAX_NEW_VACANCIES,
    );
    let digests = 0;
    let seekers = 0;
    const postings = new FreshPostings(fresh);
    const industries = postings.industries();
    for await (const page of industries.length > 0
      ? this.d.seekers.allWanting(industries, SEEKER_PAGE)
      : []) {
      seekers += page.length;
      const yesterday = await this.d.digests.sentOn(
        page.map((s) => s.userId),
        addDays(day, -1),
      );
      const due = page.flatMap((s) => {
        const picks = postings.picksFor(s, yesterday.get(s.userId));
        return picks.length > 0 ? [{ userId: s.userId, day, ...vacanciesNotice(picks) }] : [];
      });
      // Only the run whose insert applied sends: a second run (or instance) gets those left out.
      const claimed = await this.d.digests.claimMany(due, now);
      await this.queue(claimed);
      digests += claimed.length;
    }
    digests += await this.firmDigests(now, day);
    await this.d.digests.finishDay(day, this.d.clock.now());
    return { day, digests, seekers };
  }

  /**
   * To each poster (liaison or agency) of open vacancies that new seekers fit: one digest naming
   * how many fit and the vacancy most of them fit. Same claim as the seekers': one per person per day.
   */
  private async firmDigests(now: Date, day: string): Promise<number> {
    const newcomers = await this.d.seekers.registeredSince(
      new Date(now.getTime() - 24 * HOUR_MS),
      MAX_NEW_SEEKERS,
    );
    if (newcomers.length === 0) return 0;
    const industries = [...new Set(newcomers.flatMap((s) => s.wantedIndustries))];
    const open = await this.d.vacancies.openInIndustries(industries, freshSince(now), MAX_OPEN_VACANCIES);
    const byPoster = new Map<string, { v: VacancyRecord; fit: string[] }[]>();
    const newcomersIn = byIndustry(newcomers, (s) => s.wantedIndustries);
    for (const v of open) {
      const fit = fittingSeekers(v, newcomersIn.get(v.industry) ?? []).map((s) => s.userId);
      if (fit.length > 0) byPoster.set(v.postedBy, [...(byPoster.get(v.postedBy) ?? []), { v, fit }]);
    }
    const claimed = await this.d.digests.claimMany(
      [...byPoster].map(([userId, matches]) => ({ userId, day, ...seekersNotice(matches) })),
      now,
    );
    await this.queue(claimed);
    return claimed.length;
  }

  /** Hands claimed digests to the outbox, then marks them queued (a repeat is a no-op by message id). */
  private async queue(digests: DigestRecord[]): Promise<void> {
    if (digests.length === 0) return;
    await this.d.notices.enqueue(
      digests.map((g) => ({
        id: `labour-digest:${g.userId}:${g.day}`,
        workerId: g.userId,
        kind: g.kind,
        title: g.title,
        body: g.body,
        page: g.page,
      })),
    );
    await this.d.digests.markQueued(
      digests.map((g) => g.id),
      this.d.clock.now(),
    );
  }
}

/** The notice text: how many fit, and the best one (firm, position, wage) as a subscribe message can show it. */
function vacanciesNotice(picks: VacancyRecord[]) {
  const best = picks[0];
  return {
    kind: 'labour_digest' as const,
    vacancyIds: picks.map((v) => v.id),
    title: `今日有 ${picks.length} 个新岗位适合您`,
    body: `${best.enterpriseName}·${best.position}，月薪 ${best.wageMin}-${best.wageMax} 元${picks.length > 1 ? `，另有 ${picks.length - 1} 个` : ''}`,
    page: SHARED_PAGES.labourVacancies,
  };
}

/** A firm's notice: how many new seekers fit its vacancies, and the vacancy most of them fit. */
function seekersNotice(matches: { v: VacancyRecord; fit: string[] }[]) {
  const sorted = [...matches].sort((a, b) => b.fit.length - a.fit.length);
  const people = new Set(matches.flatMap((m) => m.fit)).size;
  return {
    kind: 'labour_candidates' as const,
    vacancyIds: sorted.map((m) => m.v.id),
    title: `今日有 ${people} 位新求职者符合您的岗位`,
    body: `${sorted[0].v.position}：${sorted[0].fit.length} 位新登记求职者符合，点击查看匹配人选`,
    // Opens the candidates of the vacancy most of them fit; the others are a tap away on the firm's list.
    page: pageLink(SHARED_PAGES.labourVacancyCandidates, { vacancyId: sorted[0].v.id }),
  };
}
