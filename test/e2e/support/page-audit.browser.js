/* global document, getComputedStyle, Node */
// The browser side of page-audit.ts: plain JavaScript evaluated in the page (one expression).
(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const lum = ([r, g, b]) => {
    const f2 = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f2(r) + 0.7152 * f2(g) + 0.0722 * f2(b);
  };
  const backgroundOf = (el) => {
    for (let at = el; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      const gradient = /gradient\(.*?(rgba?\([^)]+\))/.exec(style.backgroundImage);
      if (gradient) return parse(gradient[1]).slice(0, 3);
      const bg = parse(style.backgroundColor);
      if (bg && bg[3] > 0.5) return bg.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ownText = (el) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
  const width = document.documentElement.clientWidth;
  const result = {
    checked: 0,
    lowContrast: [],
    overflow: [],
    smallestFontPx: Infinity,
  };
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const text = ownText(el);
    if (!text || el.closest('.boot, script, style, .taro-navigation-bar-hide')) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0)
      continue;
    if (el.closest('[aria-hidden="true"]')) continue;
    result.checked += 1;
    const fg = parse(style.color);
    if (fg) {
      const bg = backgroundOf(el);
      const [a, b] = [lum(fg), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5)
        result.lowContrast.push({
          text: text.slice(0, 30),
          color: style.color,
          background: `rgb(${bg.join(',')})`,
          ratio: Math.round(ratio * 100) / 100,
        });
    }
    result.smallestFontPx = Math.min(result.smallestFontPx, parseFloat(style.fontSize));
    if (box.right > width + 1 || box.left < -1)
      result.overflow.push({
        text: text.slice(0, 30),
        why: `runs off the screen (${Math.round(box.left)}\u2013${Math.round(box.right)} of ${width})`,
      });
    const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1)
      result.overflow.push({
        text: text.slice(0, 30),
        why: `cut off (${el.scrollWidth} px of text in ${el.clientWidth} px)`,
      });
  }
  return result;
})();
