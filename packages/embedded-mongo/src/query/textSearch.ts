/**
 * `$text` over a collection's text index, following mongod's text index version 3: tokens split
 * at whitespace and punctuation, case and diacritics folded, English stop words dropped and
 * suffixes stemmed for `english` (the default language), nothing but folding for `none`.
 * Scores use mongod's formula (per field: weight × Σ term frequency with halving repeats ×
 * (0.5 × count / tokens + 0.5), ×1.1 when the term is the whole field). CJK text is not
 * segmented, by mongod either: a run of Chinese characters is one token.
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import type { FilterOptions, Matcher, TextIndexSpec } from './filter';
import { collectValues, splitPath } from './paths';

export type { TextIndexSpec } from './filter';

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself ' +
    'no nor not now of off on once only or other our ours ourselves out over own same she should so some ' +
    'such than that the their theirs them themselves then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with you your yours yourself yourselves'
  ).split(' '),
);

const LANGUAGES = new Set(['none', 'english', 'en']);

/** Lower-cased, diacritics removed (text index v3 is case- and diacritic-insensitive). */
export function foldText(s: string, caseSensitive = false, diacriticSensitive = false): string {
  let out = diacriticSensitive ? s.normalize('NFC') : s.normalize('NFD').replace(/\p{M}/gu, '');
  if (!caseSensitive) out = out.toLowerCase();
  return out;
}

function tokens(s: string): string[] {
  return s.split(/[\s\p{P}\p{S}]+/u).filter((t) => t.length > 0);
}

/** A small English suffix stemmer (plurals, -ed, -ing, -ly), close to Snowball on common words. */
function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (/(x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && /[aeiouy]/.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w;
}

function language(spec: TextIndexSpec, doc: Doc | undefined, requested?: string): string {
  const fromDoc = doc?.[spec.languageOverride];
  const lang = requested ?? (typeof fromDoc === 'string' ? fromDoc : spec.defaultLanguage);
  return lang === 'en' ? 'english' : lang;
}

/** The index terms of a string under a language (stop words dropped, stemmed for English). */
export function termsOf(s: string, lang: string): string[] {
  const out: string[] = [];
  for (const t of tokens(foldText(s))) {
    if (lang === 'english') {
      if (STOP_WORDS.has(t)) continue;
      out.push(stemEnglish(t));
    } else out.push(t);
  }
  return out;
}

function stringsAt(doc: Doc, path: string): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (path === '$**' && isDocument(v)) Object.values(v).forEach(visit);
  };
  if (path === '$**') visit(doc);
  else for (const pv of collectValues(doc, splitPath(path))) visit(pv.value);
  return out;
}

/** mongod's per-term scores of one document (see the file comment). */
export function documentScores(spec: TextIndexSpec, doc: Doc, lang: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [path, weight] of Object.entries(spec.weights)) {
    for (const raw of stringsAt(doc, path)) {
      const terms = new Map<string, { count: number; freq: number; exp: number }>();
      let numTokens = 0;
      for (const term of termsOf(raw, lang)) {
        const data = terms.get(term) ?? { count: 0, freq: 0, exp: 0 };
        data.exp = data.exp ? data.exp * 2 : 1;
        data.count++;
        data.freq += 1 / data.exp;
        terms.set(term, data);
        numTokens++;
      }
      for (const [term, data] of terms) {
        const coeff = (0.5 * data.count) / numTokens + 0.5;
        const adjustment = raw.length === term.length && foldText(raw) === term ? 1.1 : 1;
        scores.set(term, (scores.get(term) ?? 0) + weight * data.freq * coeff * adjustment);
      }
    }
  }
  return scores;
}

interface ParsedSearch {
  terms: string[];
  negated: string[];
  phrases: string[];
  negatedPhrases: string[];
}

/** Splits a $search string into terms, -terms, "phrases" and -"phrases", as mongod does. */
export function parseSearch(search: string): ParsedSearch {
  const out: ParsedSearch = { terms: [], negated: [], phrases: [], negatedPhrases: [] };
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(search))) {
    if (m[2] !== undefined) {
      (m[1] ? out.negatedPhrases : out.phrases).push(m[2]);
      if (!m[1]) out.terms.push(...tokens(m[2]));
    } else {
      const word = m[3];
      // A hyphen inside a word is a delimiter; only a leading one negates.
      if (word.startsWith('-')) out.negated.push(...tokens(word.slice(1)));
      else out.terms.push(...tokens(word));
    }
  }
  return out;
}

/** Compiles `{$text: {$search, $language, $caseSensitive, $diacriticSensitive}}`. */
export function compileTextQuery(value: unknown, options: FilterOptions): Matcher {
  if (!isDocument(value) || typeof value.$search !== 'string')
    fail('FailedToParse', '$text requires a $search string');
  const spec = options.textIndex;
  if (!spec) fail('IndexNotFound', 'text index required for $text query');
  const requested = typeof value.$language === 'string' ? value.$language : undefined;
  if (requested !== undefined && !LANGUAGES.has(requested))
    fail('BadValue', `language override unsupported: ${requested}`);
  const caseSensitive = value.$caseSensitive === true;
  const diacriticSensitive = value.$diacriticSensitive === true;
  const parsed = parseSearch(value.$search);
  const fold = (s: string) => foldText(s, caseSensitive, diacriticSensitive);
  return (doc, details) => {
    const lang = language(spec, doc, requested);
    const scores = documentScores(spec, doc, lang);
    const queryTerms = (words: string[]) => [...new Set(words.flatMap((w) => termsOf(w, lang)))];
    const positive = queryTerms(parsed.terms);
    if (!positive.some((t) => scores.has(t))) return false;
    if (queryTerms(parsed.negated).some((t) => scores.has(t))) return false;
    const texts = Object.keys(spec.weights).flatMap((p) => stringsAt(doc, p).map(fold));
    if (caseSensitive || diacriticSensitive) {
      // The sensitive forms must appear as written in some field.
      const words = texts.flatMap(tokens);
      if (!parsed.terms.some((t) => words.includes(fold(t)))) return false;
    }
    if (!parsed.phrases.every((p) => texts.some((t) => t.includes(fold(p))))) return false;
    if (parsed.negatedPhrases.some((p) => texts.some((t) => t.includes(fold(p))))) return false;
    if (details) details.textScore = positive.reduce((sum, t) => sum + (scores.get(t) ?? 0), 0);
    return true;
  };
}
