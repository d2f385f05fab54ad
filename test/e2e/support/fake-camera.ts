/**
 * A "camera" for Chromium's fake capture device: a YUV4MPEG2 (.y4m) file showing one QR code,
 * looped by Chromium as the video a page gets from getUserMedia. Y4M is a text header and, per
 * frame, "FRAME\n" then the raw luma plane and the two quarter-size chroma planes (4:2:0); a
 * black-on-white QR needs only luma (chroma 128 = no colour).
 */
import fs from 'node:fs';
import qrcode from 'qrcode-generator';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes `file` with a few identical frames of a QR code encoding `text`; returns the path. */
export function writeQrY4m(file: string, text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  // A quiet zone of four modules on each side, as a printed or on-screen code has.
  const cell = Math.floor((HEIGHT - 40) / (modules + 8));
  const size = cell * (modules + 8);
  const left = Math.floor((WIDTH - size) / 2);
  const top = Math.floor((HEIGHT - size) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < size; y += 1) {
    const row = Math.floor(y / cell) - 4;
    for (let x = 0; x < size; x += 1) {
      const col = Math.floor(x / cell) - 4;
      const inside = row >= 0 && col >= 0 && row < modules && col < modules;
      if (inside && qr.isDark(row, col)) luma[(top + y) * WIDTH + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  fs.writeFileSync(file, Buffer.concat([header, frame, frame, frame, frame, frame]));
  return file;
}
