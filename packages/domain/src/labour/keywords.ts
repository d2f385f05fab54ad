/**
 * Chinese keyword search without `$text` (MongoDB's text index does not segment Chinese, and the
 * embedded database does not maintain text indexes at all). Each vacancy stores the set of its
 * characters and character bigrams in an array field with an ordinary multikey index; a query
 * keyword becomes its bigrams (or its single character) and matches with `$all`, which both
 * engines answer from that index. "普工" finds "招聘普工", "电子厂普工" and "普工/操作工"; false
 * positives need every bigram present, which is rare for short job texts.
 */

/** Letters and digits lower-cased; runs of anything else split the text. */
function runs(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((r) => r.length > 0);
}

/** Every character and every adjacent pair within each run, without duplicates. */
export function keywordTerms(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const run of texts.flatMap(runs)) {
    const chars = Array.from(run);
    chars.forEach((c, i) => {
      out.add(c);
      if (i + 1 < chars.length) out.add(c + chars[i + 1]);
    });
  }
  return [...out];
}

/** What a query keyword must all match: its bigrams, or its one character. */
export function queryTerms(keyword: string): string[] {
  const terms: string[] = [];
  for (const run of runs(keyword)) {
    const chars = Array.from(run);
    if (chars.length === 1) terms.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i += 1) terms.push(chars[i] + chars[i + 1]);
  }
  return [...new Set(terms)];
}
