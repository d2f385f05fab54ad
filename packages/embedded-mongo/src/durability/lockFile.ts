/**
 * The dbPath lock: `mongod.lock` holds the owner's pid. A lock left by a dead process (e.g.
 * after kill -9) is taken over; a live owner, or another server in this process, is refused.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'mongod.lock';
const heldInThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file exclusively; false if it already exists. */
async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    await fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

export interface DbPathLock {
  release(): Promise<void>;
}

/** Takes the lock on a dbPath or throws naming the process that holds it. */
export async function lockDbPath(dbPath: string): Promise<DbPathLock> {
  const dir = await fs.realpath(dbPath);
  if (heldInThisProcess.has(dir))
    throw new Error(`embedded-mongo: dbPath ${dir} is already in use by another server in this process`);
  heldInThisProcess.add(dir);
  const lockPath = path.join(dir, LOCK_FILE);
  try {
    await acquire(dir, lockPath);
  } catch (err) {
    heldInThisProcess.delete(dir);
    throw err;
  }
  return {
    async release() {
      heldInThisProcess.delete(dir);
      await fs.rm(lockPath, { force: true });
    },
  };
}

async function acquire(dir: string, lockPath: string): Promise<void> {
  if (!(await tryCreate(lockPath))) {
    const owner = Number((await fs.readFile(lockPath, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new Error(`embedded-mongo: dbPath ${dir} is locked by running process ${owner} (${lockPath})`);
    }
    await fs.rm(lockPath, { force: true });
    if (!(await tryCreate(lockPath)))
      throw new Error(`embedded-mongo: another process took the lock on ${dir} concurrently`);
  }
}
