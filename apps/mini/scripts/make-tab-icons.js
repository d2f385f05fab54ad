#!/usr/bin/env node
/**
 * Draws the two tab-bar icons (首页 house, 我的 person) as 81×81 PNGs in grey and brand blue,
 * into src/assets/tab/. Generated rather than downloaded so the repo needs no design tool and
 * the icons stay a few hundred bytes each (they ship in the weapp main package).
 * Run: node apps/mini/scripts/make-tab-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 81;
const SUPERSAMPLE = 4;
const COLORS = { '': [0x7a, 0x80, 0x8a], '-active': [0x1f, 0x6f, 0xd1] };

/** Shapes in a 0..1 square; each returns true when the point is inside the ink. */
const SHAPES = {
  home: (x, y) => {
    const roof = y >= 0.12 && y <= 0.48 && Math.abs(x - 0.5) <= (y - 0.12) * 1.2;
    const body = x >= 0.22 && x <= 0.78 && y >= 0.44 && y <= 0.88;
    const door = x >= 0.42 && x <= 0.58 && y >= 0.64 && y <= 0.88;
    return (roof || body) && !door;
  },
  me: (x, y) => {
    const head = (x - 0.5) ** 2 + (y - 0.32) ** 2 <= 0.17 ** 2;
    const shoulders = y >= 0.56 && y <= 0.88 && ((x - 0.5) / 0.34) ** 2 + ((y - 0.88) / 0.32) ** 2 <= 1;
    return head || shoulders;
  },
};

function crc32(buf) {
  let crc = ~0;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(inside, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py += 1) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          if (inside((px + (sx + 0.5) / SUPERSAMPLE) / SIZE, (py + (sy + 0.5) / SUPERSAMPLE) / SIZE))
            hits += 1;
        }
      }
      row.set([r, g, b, Math.round((255 * hits) / SUPERSAMPLE ** 2)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, '..', 'src', 'assets', 'tab');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, inside] of Object.entries(SHAPES)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    fs.writeFileSync(path.join(outDir, `${name}${suffix}.png`), png(inside, color));
  }
}
process.stdout.write(`tab icons written to ${path.relative(process.cwd(), outDir)}\n`);
