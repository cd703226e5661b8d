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
/** The path being read, for the message when it cannot be. */
let at = '';
const walk = (dir) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    at = p;
    if (d.isDirectory()) walk(p);
    else if (d.isFile() && d.name.endsWith('.json')) {
      const v = JSON.parse(readFileSync(p, 'utf8'));
      keys += Object.keys(v).length;
      files++;
    }
  }
};
try {
  walk(path.join(root, 'accounts'));
} catch (e) {
  // a register this program cannot read (a file that is not JSON, a missing folder): say which, no stack trace
  console.error(`无法读取 / cannot read ${at || path.join(root, 'accounts')}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, files, keys, maxRssKB: process.resourceUsage().maxRSS }));
