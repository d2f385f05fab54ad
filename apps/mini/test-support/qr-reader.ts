import jsQR from 'jsqr';

/**
 * Reads the QR code drawn by components/qr-code the way a scanner would: the rendered rows of
 * runs become a bitmap (4 px per module) that jsQR decodes. Null when nothing is drawn or it
 * does not decode.
 */
export function readShownQr(root: ParentNode = document): string | null {
  const qr = root.querySelector('.qr');
  if (!qr) return null;
  const rows = [...qr.children].map((row) =>
    [...row.children].flatMap((run) => {
      const n = Number((run as HTMLElement).style.flexGrow);
      return Array<boolean>(n).fill(run.classList.contains('qr__run--dark'));
    }),
  );
  const scale = 4;
  const size = rows.length * scale;
  if (rows.some((r) => r.length !== rows.length)) return null;
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      const v = rows[Math.floor(y / scale)][Math.floor(x / scale)] ? 0 : 255;
      pixels.set([v, v, v, 255], (y * size + x) * 4);
    }
  return jsQR(pixels, size, size)?.data ?? null;
}
