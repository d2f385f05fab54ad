/**
 * Reading Taro's rendered tree: every element is `{ nn, sid, uid?, cl?, cn: [...] , ...props }`
 * and every text node `{ nn, sid, v }` (see @tarojs/runtime `hydrate`).
 */
export interface TaroNode {
  nn?: string;
  sid?: string;
  uid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
  placeholder?: string;
  [prop: string]: unknown;
}

/** Text of a node and its descendants, in order, whitespace-collapsed. */
export function textOf(node: TaroNode): string {
  const parts: string[] = [];
  const walk = (n: TaroNode) => {
    if (typeof n.v === 'string') parts.push(n.v);
    for (const child of n.cn ?? []) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every node (depth first, document order) for which `test` holds. */
export function findNodes(root: TaroNode, test: (n: TaroNode) => boolean): TaroNode[] {
  const out: TaroNode[] = [];
  const walk = (n: TaroNode) => {
    if (test(n)) out.push(n);
    for (const child of n.cn ?? []) walk(child);
  };
  walk(root);
  return out;
}
