/**
 * Writes the add-in icons assets/icon-{16,32,64,80,128}.png: a white sheet with a grid on a rounded green
 * square. Plain RGBA PNGs encoded with zlib, so no image library is needed. Run `npm run icons`
 * (compiles scripts/ with tsconfig.scripts.json, then runs node build/scripts/make-icons.js).
 */
import { Buffer } from "buffer";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { repoRoot } from "./repo-root";

type Rgba = readonly [number, number, number, number];

const SIZES = [16, 32, 64, 80, 128];

const GREEN: Rgba = [15, 110, 86, 255];
const LIGHT: Rgba = [159, 225, 203, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Shapes of an n-pixel icon, in pixel units. */
interface Layout {
  line: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  rows: number[];
  col: number;
  radius: number;
  margin: number;
}

/** Shapes in pixel units, snapped to whole pixels so that small sizes stay crisp. */
function layout(n: number): Layout {
  const line = Math.max(1, Math.round(n / 20));
  const left = Math.round(n * 0.24);
  const right = n - left;
  const top = Math.round(n * 0.2);
  const bottom = n - top;
  const header = top + Math.max(2, Math.round(n * 0.14));
  const rows = [Math.round(top + (bottom - top) * 0.47), Math.round(top + (bottom - top) * 0.73)];
  const col = Math.round(left + (right - left) * 0.38);
  return { line, left, right, top, bottom, header, rows, col, radius: n * 0.18, margin: n * 0.04 };
}

function colourAt(x: number, y: number, n: number, g: Layout): Rgba {
  // Rounded background square.
  const lo = g.margin;
  const hi = n - g.margin;
  if (x < lo || x > hi || y < lo || y > hi) return CLEAR;
  const cx = Math.min(Math.max(x, lo + g.radius), hi - g.radius);
  const cy = Math.min(Math.max(y, lo + g.radius), hi - g.radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > g.radius ** 2) return CLEAR;
  // Sheet with a header band and grid lines.
  if (x < g.left || x >= g.right || y < g.top || y >= g.bottom) return GREEN;
  if (y < g.header) return LIGHT;
  const onRow = g.rows.some((r) => y >= r && y < r + g.line);
  const onCol = x >= g.col && x < g.col + g.line;
  return onRow || onCol ? LIGHT : WHITE;
}

/** RGBA pixels of an n×n icon, supersampled for the rounded corners. */
function render(n: number): Buffer {
  const g = layout(n);
  const ss = 8; // supersampling per axis, for the rounded corners
  const out = Buffer.alloc(n * n * 4);
  for (let py = 0; py < n; py++) {
    for (let px = 0; px < n; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss, n, g);
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const i = (py * n + px) * 4;
      const alpha = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) out[i + k] = acc[3] > 0 ? Math.round(acc[k] / acc[3]) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

/** Write the icons into outDir (default: the repository's assets/). */
export function makeIcons(outDir: string = path.join(repoRoot(), "assets")): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  return SIZES.map((n) => {
    const file = path.join(outDir, `icon-${n}.png`);
    fs.writeFileSync(file, encodePng(n, render(n)));
    return file;
  });
}

if (require.main === module) {
  for (const file of makeIcons(process.argv[2])) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
