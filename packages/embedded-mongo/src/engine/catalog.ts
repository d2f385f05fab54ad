/**
 * Databases and their collections, with MongoDB's namespace rules.
 */
import { type Doc } from '../bson/values';
import { fail } from '../errors';
import { Collection } from '../storage/collection';

const badDbChars = /[/\\. "$*<>:|?\0]/;

/** Throws InvalidNamespace (73) for database names mongod rejects. */
export function validateDbName(db: unknown): asserts db is string {
  if (typeof db !== 'string' || db.length === 0) fail('InvalidNamespace', 'Invalid database name: empty');
  if (db.length >= 64 || badDbChars.test(db)) fail('InvalidNamespace', `Invalid database name: '${db}'`);
}

/** Throws InvalidNamespace (73) for collection names mongod rejects. */
export function validateCollectionName(db: string, name: unknown): asserts name is string {
  if (typeof name !== 'string')
    return fail('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  if (name.length === 0) fail('InvalidNamespace', `Invalid namespace specified '${db}.'`);
  if (name.includes('$') || name.includes('\0') || name.startsWith('.') || name.startsWith('system.')) {
    fail('InvalidNamespace', `Invalid collection name: ${name}`);
  }
  if (db.length + 1 + name.length > 255)
    fail('InvalidNamespace', `Fully qualified namespace is too long. Namespace: ${db}.${name}`);
}

export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  get(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Creates (without validation or journaling: callers do both) and returns the collection. */
  create(db: string, name: string, options: Doc = {}): Collection {
    let colls = this.databases.get(db);
    if (!colls) {
      colls = new Map();
      this.databases.set(db, colls);
    }
    const coll = new Collection(db, name, options);
    colls.set(name, coll);
    return coll;
  }

  drop(db: string, name: string): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.databases.delete(db);
    return true;
  }

  dropDatabase(db: string): void {
    this.databases.delete(db);
  }

  collections(db: string): Collection[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  allCollections(): Collection[] {
    return [...this.databases.values()].flatMap((colls) => [...colls.values()]);
  }
}
