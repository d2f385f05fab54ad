/**
 * Parsing the CLI's mongod-style flags into server options.
 */
import type { EmbeddedMongoOptions } from './server';

export const USAGE = `Usage: embedded-mongo [--port N] [--bind_ip HOST] [--dbpath DIR | --inMemory] [--replSet NAME]

  --port N         TCP port (default 27017; 0 picks a free port)
  --bind_ip HOST   address to listen on (default 127.0.0.1; --bind_ip_all for 0.0.0.0)
  --dbpath DIR     data directory (required unless --inMemory)
  --replSet NAME   replica set name reported to drivers (default rs0)
  --inMemory       keep everything in memory, write no files`;

export type ParsedArgs =
  { kind: 'run'; options: EmbeddedMongoOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const valueFlags = new Set(['--port', '--bind_ip', '--dbpath', '--replSet']);

/** Parses argv (without node and script); never throws. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  const values = new Map<string, string>();
  let inMemory = false;
  let bindAll = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.indexOf('=');
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--inMemory') {
      inMemory = true;
      continue;
    }
    if (flag === '--bind_ip_all') {
      bindAll = true;
      continue;
    }
    if (!valueFlags.has(flag)) return { kind: 'error', message: `unknown option '${raw}'` };
    const value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      return { kind: 'error', message: `option '${flag}' needs a value` };
    values.set(flag, value);
  }
  const portText = values.get('--port') ?? '27017';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    return { kind: 'error', message: `invalid --port '${portText}' (expected 0-65535)` };
  const dbPath = values.get('--dbpath');
  if (inMemory && dbPath) return { kind: 'error', message: '--dbpath and --inMemory cannot be combined' };
  if (!inMemory && !dbPath)
    return { kind: 'error', message: '--dbpath is required unless --inMemory is given' };
  const bindIp = bindAll ? '0.0.0.0' : (values.get('--bind_ip') ?? '127.0.0.1').split(',')[0].trim();
  const host = bindIp === 'localhost' ? '127.0.0.1' : bindIp;
  return {
    kind: 'run',
    options: { port, host, dbPath, inMemory, replSetName: values.get('--replSet') ?? 'rs0' },
  };
}
