import type { SubsidyPolicyCode } from '@fugong/contracts';
import type { SubsidyDeps } from './subsidy-deps';
import { diffAgainst, fingerprinter, type ComputedLine, type LineStream } from './subsidy-compute';
import type { ListRecord } from './list.repository';

/** Where a run is: stage, fact rows read so far, rows in the period (a progress bar's three numbers). */
export type RunProgress = (stage: string, done: number, total: number) => void;

/** Lines named, compared and written per bulk write: bounds what a run holds at once. */
const WRITE_BATCH = 1_000;

type Diff = NonNullable<ListRecord['diff']>;

/**
 * Computes the lines and writes them under `listId` a batch at a time while fingerprinting them, each
 * batch named from the registry and compared with the same enterprise range of the published
 * list (both are in enterprise order), so neither list is ever held whole.
 */
export async function writeLines(
  d: Pick<SubsidyDeps, 'lists' | 'enterprises' | 'payments'>,
  target: { listId: string; policy: SubsidyPolicyCode; period: string },
  stream: LineStream,
  published: ListRecord | null,
  progress?: RunProgress,
): Promise<{ fingerprint: string; count: number; totalFen: number; diff: Diff | null }> {
  const print = fingerprinter(stream.version);
  const diff: Diff | null = published
    ? { againstListId: published.id, added: [], removed: [], changed: [], unchanged: 0 }
    : null;
  let count = 0;
  let totalFen = 0;
  let compared: string | null = null;
  const compare = async (after: string | null, upTo: string | null, named: Named[]) => {
    if (!published || !diff) return;
    const before = await d.lists.linesBetween(published.id, after, upTo);
    const ids = [...new Set([...before.map((b) => b.enterpriseId), ...named.map((l) => l.enterpriseId)])];
    const part = diffAgainst(
      published.id,
      before,
      named,
      await d.payments.inLedger(target.policy, target.period, ids),
    );
    diff.added.push(...part.added);
    diff.removed.push(...part.removed);
    diff.changed.push(...part.changed);
    diff.unchanged += part.unchanged;
  };
  const flush = async (batch: ComputedLine[]) => {
    if (batch.length === 0) return;
    const names = new Map(
      (await d.enterprises.listByIds(batch.map((l) => l.enterpriseId))).map((e) => [e.id, e]),
    );
    const named = batch.map((l) => ({
      ...l,
      enterpriseName: names.get(l.enterpriseId)?.name ?? '（企业已删除）',
      creditCode: names.get(l.enterpriseId)?.creditCode ?? '',
    }));
    const last = batch[batch.length - 1]!.enterpriseId;
    await compare(compared, last, named);
    compared = last;
    await d.lists.insertLines(target.listId, target, named);
    count += named.length;
    totalFen += named.reduce((s, l) => s + l.amountFen, 0);
  };
  let read = 0;
  const onRows = (n: number) => progress?.('计算', (read += n), stream.rows);
  let batch: ComputedLine[] = [];
  for await (const l of stream.lines(onRows)) {
    print.add(l);
    batch.push(l);
    if (batch.length >= WRITE_BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);
  // The published firms beyond the last computed one are no longer entitled.
  await compare(compared, null, []);
  return { fingerprint: print.digest(), count, totalFen, diff };
}

type Named = ComputedLine & { enterpriseName: string; creditCode: string };
