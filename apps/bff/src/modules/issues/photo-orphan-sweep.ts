import type { Clock } from '../../clock';
import type { PhotoRepository } from './photo.repository';

export const PHOTO_ORPHANS_SWEEP = 'photos.orphans';

/**
 * How long a GridFS file may exist without a photo record before it is taken for an orphan.
 * An upload writes its files first and the record last; a 10 MB photo over a weak network can
 * take minutes, so the grace is far longer than any upload.
 */
export const ORPHAN_GRACE_MS = 6 * 60 * 60_000;

/**
 * Deletes photo bytes no issue holds: uploads cut off by a crash mid-write (chunks without a
 * files document), and files whose record was never written. Runs under the job lease, but is
 * harmless if two run at once: a delete of what is already gone is not an error, and a file a
 * record holds is never a candidate.
 */
export class PhotoOrphanSweep {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly clock: Clock,
    private readonly graceMs = ORPHAN_GRACE_MS,
  ) {}

  async run(): Promise<{ deleted: number }> {
    const before = new Date(this.clock.now().getTime() - this.graceMs);
    let deleted = 0;
    for (;;) {
      const ids = await this.photos.orphanFileIds(before);
      for (const id of ids) await this.photos.deleteFile(id);
      deleted += ids.length;
      if (ids.length < 500) return { deleted };
    }
  }
}
