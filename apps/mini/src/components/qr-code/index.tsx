import { useMemo } from 'react';
import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import '../../styles/qr-code.css';

/** One row of the code as runs of same-coloured modules: [dark, length] pairs. */
export type QrRow = [boolean, number][];

/**
 * The modules of a QR code (error correction M: a scuffed screen still reads) as runs per row,
 * with the 4-module quiet zone scanners need around it.
 */
export function qrRows(text: string): QrRow[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  const size = n + 2 * quiet;
  const blank: QrRow = [[false, size]];
  const rows: QrRow[] = [];
  for (let q = 0; q < quiet; q += 1) rows.push(blank);
  for (let r = 0; r < n; r += 1) {
    const row: QrRow = [[false, quiet]];
    for (let c = 0; c < n; c += 1) {
      const dark = qr.isDark(r, c);
      const last = row[row.length - 1];
      if (last[0] === dark) last[1] += 1;
      else row.push([dark, 1]);
    }
    const last = row[row.length - 1];
    if (last[0]) row.push([false, quiet]);
    else last[1] += quiet;
    rows.push(row);
  }
  for (let q = 0; q < quiet; q += 1) rows.push(blank);
  return rows;
}

/**
 * A QR code drawn on the phone from a text (the pass's signed token): rows of flex runs of plain
 * Views, so it renders the same in H5 and in the WeChat runtime without a canvas or an image
 * from the server (a server PNG cost the BFF 10–27 ms of CPU per pass view).
 */
export function QrCode({ text, className }: { text: string; className?: string }) {
  const rows = useMemo(() => qrRows(text), [text]);
  return (
    <View className={`qr ${className ?? ''}`} data-modules={rows.length}>
      {rows.map((row, r) => (
        <View key={r} className="qr__row">
          {row.map(([dark, n], i) => (
            <View key={i} className={dark ? 'qr__run qr__run--dark' : 'qr__run'} style={{ flexGrow: n }} />
          ))}
        </View>
      ))}
    </View>
  );
}
