import { issueRoutes as r, wechatRoutes as w } from '@fugong/contracts';
import { replayed, route, type RouteDef } from '../../http/route';
import { multipartRoute } from '../../http/multipart';
import type { PhotoService } from './photo.service';
import type { IssueService } from './issue.service';
import type { IssueSweep } from './issue-sweep';
import type { AttachmentService } from './attachment.service';
import type { CommonProblemsService } from './common-problems.service';

/** Issues: report, list, lifecycle actions, attachments, 共性问题, the deadline sweep. */
export function issueRoutesFor(s: {
  issues: IssueService;
  sweep: IssueSweep;
  attachments: AttachmentService;
  common: CommonProblemsService;
  photos: PhotoService;
}): RouteDef[] {
  return [
    // The Idempotency-Key is kept in the photo record itself: see PhotoService.upload.
    multipartRoute(
      w.issuePhotoUpload,
      async ({ actor, params, upload, idempotencyKey }) => {
        const out = await s.photos.upload(actor, params.id, upload, idempotencyKey);
        return out.replayed ? replayed(out.photo) : out.photo;
      },
      { keyStoredByHandler: true },
    ),
    route(w.issuePhotoList, ({ actor, params }) => s.photos.list(actor, params.id)),
    route(w.photoGet, ({ actor, params, requestId }) => s.photos.original(actor, params.id, requestId)),
    route(w.photoThumbnail, ({ actor, params }) => s.photos.thumbnail(actor, params.id)),
    route(r.attachmentUpload, ({ actor, body }) => s.attachments.upload(actor, body)),
    route(r.attachmentGet, ({ actor, params }) => s.attachments.read(actor, params.id)),
    route(r.common, ({ query }) => s.common.list(query.minEnterprises)),
    route(r.commonAnswer, ({ actor, body }) => s.common.answerAll(actor, body)),
    route(r.sweep, () => s.sweep.run()),
    route(r.create, ({ actor, body }) => s.issues.create(actor, body)),
    route(r.list, ({ actor, query }) => s.issues.list(actor, query)),
    route(r.get, ({ actor, params }) => s.issues.get(actor, params.id)),
    route(r.accept, ({ actor, params, body }) => s.issues.act(actor, params.id, 'accept', body)),
    route(r.dispatch, ({ actor, params, body }) => s.issues.act(actor, params.id, 'dispatch', body)),
    route(r.transfer, ({ actor, params, body }) => s.issues.act(actor, params.id, 'transfer', body)),
    route(r.answer, ({ actor, params, body }) => s.issues.act(actor, params.id, 'answer', body)),
    route(r.confirm, ({ actor, params, body }) => s.issues.act(actor, params.id, 'confirm', body)),
    route(r.reopen, ({ actor, params, body }) => s.issues.act(actor, params.id, 'reopen', body)),
  ];
}
