/**
 * Placeholder: replaced by the journaled store.
 */
import { type Durability, type Engine } from '../engine/engine';

export interface DurableStore extends Durability {
  maybeCompact(): void;
  close(): Promise<void>;
}

export async function openDurableStore(_dbPath: string, _engine: Engine): Promise<DurableStore> {
  throw new Error('durable store not implemented yet');
}
