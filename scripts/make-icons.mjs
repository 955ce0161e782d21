// Generates the tray and app icons in resources/ (the PNGs are committed; this is their source).
// Tray icons: a dot whose colour and shape say the aggregate health, with a dark outline so it
// reads on light and dark menu bars; 16 px and 32 px (@2x).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const STATES = {
  idle: { fill: null, ring: [128, 128, 128] }, // nothing enabled: hollow grey ring
  ok: { fill: [34, 160, 90], ring: [20, 90, 50] },
  starting: { fill: [66, 133, 244], ring: [30, 70, 150] },
  attention: { fill: [240, 170, 20], ring: [140, 95, 0] },
  error: { fill: [220, 50, 50], ring: [120, 20, 20] },
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++)
      pixel(x + 0.5, y + 0.5).forEach((v, i) => (raw[y * (size * 4 + 1) + 1 + x * 4 + i] = v));
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const clamp = (v) => Math.max(0, Math.min(1, v));

function dot(size, { fill, ring }) {
  const c = size / 2;
  const outer = size * 0.42;
  const stroke = Math.max(1.25, size * 0.1);
  return png(size, (x, y) => {
    const d = Math.hypot(x - c, y - c);
    const inDisc = clamp(outer - d + 0.5);
    const inFill = clamp(outer - stroke - d + 0.5);
    if (inDisc === 0) return [0, 0, 0, 0];
    if (!fill) return [...ring, Math.round(255 * (inDisc - inFill))];
    const t = inFill;
    const rgb = ring.map((r, i) => Math.round(r * (1 - t) + fill[i] * t));
    return [...rgb, Math.round(255 * inDisc)];
  });
}

const out = path.resolve('resources');
for (const [name, colours] of Object.entries(STATES)) {
  fs.writeFileSync(path.join(out, 'tray', `${name}.png`), dot(16, colours));
  fs.writeFileSync(path.join(out, 'tray', `${name}@2x.png`), dot(32, colours));
}
fs.writeFileSync(path.join(out, 'icon.png'), dot(512, STATES.ok));
// Linux packages install one icon per size (hicolor theme); electron-builder reads `<n>x<n>.png`.
fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), dot(size, STATES.ok));
}
console.log(`icons written to ${out}`);
