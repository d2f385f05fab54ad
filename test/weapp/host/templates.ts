/**
 * What Taro's base template (dist/weapp/base.wxml) says about each node type: the component it
 * renders (`nn` is a number per component), which data key holds which attribute (props are
 * compressed to `p0`, `p1`… per component), and which events it binds to the page's `eh`. The host
 * reads it so that finding an input by placeholder, or bubbling a tap only through elements the
 * template binds, is what the view layer would do.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TemplateInfo {
  /** The WXML component, e.g. `input`, `button`, `view`. */
  tag: string;
  /** camelCase attribute → the node's data key (`placeholder` → `p13`). */
  attrs: Record<string, string>;
  /** Events bound to `eh` (`tap`, `input`, `agreeprivacyauthorization`…). */
  events: Set<string>;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses the level-0 templates of base.wxml, keyed by node name (`nn`). */
export function readTemplates(distDir: string): Map<string, TemplateInfo> {
  const file = path.join(distDir, 'base.wxml');
  const wxml = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const raw = new Map<string, { tag: string; attrText: string }>();
  const re = /<template name="tmpl_0_([^"]+)">\s*<([a-z][\w-]*)([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(wxml))) raw.set(m[1], { tag: m[2], attrText: m[3] });
  const out = new Map<string, TemplateInfo>();
  for (const [name, entry] of raw) {
    // Inputs dispatch to a _focus/_blur variant; both carry the same bindings.
    const real = entry.tag === 'template' ? (raw.get(`${name}_blur`) ?? raw.get(`${name}_focus`)) : entry;
    if (!real || real.tag === 'template') continue;
    const attrs: Record<string, string> = {};
    for (const a of real.attrText.matchAll(/([\w-]+)="\{\{(?:xs\.b\()?i\.(\w+)/g)) attrs[camel(a[1])] = a[2];
    const events = new Set([...real.attrText.matchAll(/bind(\w+)="eh"/g)].map((e) => e[1]));
    out.set(name, { tag: real.tag, attrs, events });
  }
  return out;
}
