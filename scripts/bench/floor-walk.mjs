/**
 * 基线脚本（floor-read.mjs、floor-schema.mjs）共用的部分：命令行参数、对 accounts/ 的遍历（每个 .json 文件读出并
 * JSON.parse，交给调用者）、计时和输出；读不了的登记簿以退出码 2 结束并指出是哪个路径，不打印堆栈。
 * What the floor scripts share: the argument, the walk of accounts/ (each .json file read and
 * JSON.parsed, then handed to the caller), the timing and the output; a register it cannot read
 * ends with exit 2 naming the path, never a stack trace. Per file it adds one function call to the
 * read and the parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** The register named on the command line; without one, the usage and exit 2. */
export function floorRoot(script) {
  const root = process.argv[2];
  if (!root) {
    console.error(`用法 / usage: ${script} <root>`);
    process.exit(2);
  }
  return root;
}

/**
 * Walk root/accounts, giving each .json file's name and parsed value to `onFile`, and print one
 * JSON line: {ms, files, ...counts(), maxRssKB}.
 */
export function runFloor(root, onFile, counts) {
  const t0 = performance.now();
  let files = 0;
  /** The path being read, for the message when it cannot be. */
  let at = '';
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      at = p;
      if (d.isDirectory()) walk(p);
      else if (d.isFile() && d.name.endsWith('.json')) {
        onFile(d.name, JSON.parse(readFileSync(p, 'utf8')));
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
  console.log(JSON.stringify({ ms, files, ...counts(), maxRssKB: process.resourceUsage().maxRSS }));
}
