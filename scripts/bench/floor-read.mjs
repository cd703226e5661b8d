#!/usr/bin/env node
/**
 * 基线（floor）：读出 accounts/ 下的每个文件并 JSON.parse，别的什么也不做。与 govmedia validate 用同一个 Node。
 * The floor for validate: read every file under accounts/ and JSON.parse it, nothing else; same Node.
 *   node scripts/bench/floor-read.mjs <root>   → {"ms":…,"files":…,"maxRssKB":…}
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2];
if (!root) {
  console.error('usage: floor-read.mjs <root>');
  process.exit(2);
}
const t0 = performance.now();
let files = 0;
let keys = 0;
const walk = (dir) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p);
    else if (d.isFile() && d.name.endsWith('.json')) {
      const v = JSON.parse(readFileSync(p, 'utf8'));
      keys += Object.keys(v).length;
      files++;
    }
  }
};
walk(path.join(root, 'accounts'));
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, files, keys, maxRssKB: process.resourceUsage().maxRSS }));
