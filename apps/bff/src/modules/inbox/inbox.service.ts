import type { InboxNotice } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { notFound } from '../../errors';
import type { InboxRepository, NewNotice, NoticeRecord } from './inbox.repository';

/** What other modules get of the inbox: record a notice (once per key). */
export interface NoticeSink {
  deliver(notice: NewNotice): Promise<boolean>;
}

const view = (n: NoticeRecord): InboxNotice => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  page: n.page,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

/** A person's in-app inbox: every notice addressed to them, whatever channel also carried it. */
export class InboxService implements NoticeSink {
  constructor(
    private readonly repo: InboxRepository,
    private readonly clock: Clock,
  ) {}

  deliver(notice: NewNotice): Promise<boolean> {
    return this.repo.record(notice, this.clock.now());
  }

  async list(actor: Actor, q: { unread?: 'true' | 'false'; limit: number }) {
    const [items, unread] = await Promise.all([
      this.repo.list(actor.id, q.unread === 'true', q.limit),
      this.repo.unreadCount(actor.id),
    ]);
    return { items: items.map(view), unread };
  }

  async unreadCount(actor: Actor) {
    return { unread: await this.repo.unreadCount(actor.id) };
  }

  /** Only the addressee may mark a notice read; anyone else's id answers 404 (no hint it exists). */
  async markRead(actor: Actor, id: string): Promise<InboxNotice> {
    const n = await this.repo.markRead(id, actor.id, this.clock.now());
    if (!n) throw notFound('该消息');
    return view(n);
  }
}
