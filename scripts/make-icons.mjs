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

// macOS menu-bar "template" images: black with alpha, which macOS tints for light and dark bars,
// so the state is in the SHAPE: ok a disc, idle a ring, starting a ring with a centre dot,
// attention a triangle, error a diamond.
const TEMPLATE_SHAPES = {
  ok: (d, c, r) => clamp(r - d + 0.5),
  idle: (d, c, r, s) => clamp(r - d + 0.5) - clamp(r - s - d + 0.5),
  starting: (d, c, r, s) => clamp(r - d + 0.5) - clamp(r - s - d + 0.5) + clamp(r * 0.35 - d + 0.5),
  attention: (d, c, r, s, x, y) => {
    // Upward triangle inside the circle of radius r.
    const top = c - r;
    const bottom = c + r * 0.75;
    const half = ((y - top) / (bottom - top)) * r * 1.1;
    return clamp(Math.min(y - top + 0.5, bottom - y + 0.5, half - Math.abs(x - c) + 0.5));
  },
  error: (d, c, r, s, x, y) => clamp(r - (Math.abs(x - c) + Math.abs(y - c)) + 0.5),
};

function template(size, shape) {
  const c = size / 2;
  const r = size * 0.42;
  const s = Math.max(1.25, size * 0.12);
  return png(size, (x, y) => [
    0,
    0,
    0,
    Math.round(255 * clamp(shape(Math.hypot(x - c, y - c), c, r, s, x, y))),
  ]);
}

const out = path.resolve('resources');
for (const [name, colours] of Object.entries(STATES)) {
  fs.writeFileSync(path.join(out, 'tray', `${name}.png`), dot(16, colours));
  fs.writeFileSync(path.join(out, 'tray', `${name}@2x.png`), dot(32, colours));
}
for (const [name, shape] of Object.entries(TEMPLATE_SHAPES)) {
  fs.writeFileSync(path.join(out, 'tray', `${name}Template.png`), template(16, shape));
  fs.writeFileSync(path.join(out, 'tray', `${name}Template@2x.png`), template(32, shape));
}
fs.writeFileSync(path.join(out, 'icon.png'), dot(512, STATES.ok));
// Linux packages install one icon per size (hicolor theme); electron-builder reads `<n>x<n>.png`.
fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), dot(size, STATES.ok));
}
console.log(`icons written to ${out}`);
