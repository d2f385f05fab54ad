/**
 * Compiling MongoDB (PCRE-flavoured) regexes into JS RegExps. Only the i, m, s and x options
 * exist in both; `x` (extended) is emulated by stripping unescaped whitespace and comments.
 */
import { BSONRegExp } from 'bson';
import { fail } from '../errors';

const cache = new Map<string, RegExp>();

function stripExtended(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

/** Compiles a pattern with MongoDB options into a JS RegExp (cached). */
export function compileRegex(pattern: string, options: string): RegExp {
  const cacheKey = `${options}/${pattern}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  let flags = '';
  for (const option of options) {
    if (option === 'i' || option === 'm' || option === 's') flags += flags.includes(option) ? '' : option;
    else if (option !== 'x' && option !== 'u') fail('BadValue', `invalid flag in regex options: ${option}`);
  }
  const source = options.includes('x') ? stripExtended(pattern) : pattern;
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (err) {
    return fail('Location51091', `Regular expression is invalid: ${(err as Error).message}`);
  }
  if (cache.size > 1000) cache.clear();
  cache.set(cacheKey, regex);
  return regex;
}

/** Converts a stored or query regex value (BSONRegExp or RegExp) into a JS RegExp. */
export function toJsRegex(value: BSONRegExp | RegExp): RegExp {
  if (value instanceof RegExp) return value;
  return compileRegex(value.pattern, value.options);
}

/** True for regex values as they arrive from bson (BSONRegExp) or from JS code (RegExp). */
export function isRegexValue(value: unknown): value is BSONRegExp | RegExp {
  return value instanceof RegExp || value instanceof BSONRegExp;
}
