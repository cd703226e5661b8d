#!/usr/bin/env node
/**
 * 参考下限：读出 accounts/ 下的每个文件、JSON.parse，再用 validate 所用的同一组预编译模式校验函数
 * （dist/scripts/generated/validators.js：unit.json、region.json 和账号文件各用其模式）校验，别的什么也不做；
 * 一个线程，与 floor-read.mjs 相同的遍历和 Node 默认设置。它是“只做模式校验”的检查程序能有多快：
 * 没有位置、编码、形近字和秘密信息检查，没有管理办法规则。基准把它与读取+解析的基线、validate 和
 * ajv-cli 各自交替运行（只报告），用来看目标与这个下限的关系。需要编译版（npm run build）。
 * A reference lower bound: read every file under accounts/, JSON.parse it and check it with the
 * same precompiled schema validators validate uses (unit.json, region.json and account files each
 * against their schema), nothing else; one thread, the same walk and Node defaults as floor-read.mjs.
 * It is how fast a checker that only checks the schema can be: no positions, encodings, look-alikes
 * or secrets, no policy rules. The benchmark pairs it with the read+parse floor, with validate and
 * with ajv-cli (reported only), to show where the targets sit against it. Needs the build (dist/).
 * The walk is floor-read.mjs's, written out again on purpose: a shared helper would put a call or
 * a module load into the floor, which must stay exactly read + JSON.parse.
 *   node scripts/bench/floor-schema.mjs <root>   → {"ms":…,"files":…,"invalid":…,"maxRssKB":…}
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.argv[2];
if (!root) {
  console.error('用法 / usage: floor-schema.mjs <root>');
  process.exit(2);
}
const compiled = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'scripts', 'generated', 'validators.js');
if (!existsSync(compiled)) {
  console.error('缺少编译版的模式校验函数，请先运行 npm run build / the compiled validators are missing: run npm run build first');
  process.exit(2);
}
const schemas = await import(pathToFileURL(compiled).href);
const t0 = performance.now();
let files = 0;
let invalid = 0;
/** The path being read, for the message when it cannot be. */
let at = '';
const walk = (dir) => {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    at = p;
    if (d.isDirectory()) walk(p);
    else if (d.isFile() && d.name.endsWith('.json')) {
      const v = JSON.parse(readFileSync(p, 'utf8'));
      const check = d.name === 'unit.json' ? schemas.unit : d.name === 'region.json' ? schemas.region : schemas.account;
      if (!check(v)) invalid++;
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
console.log(JSON.stringify({ ms, files, invalid, maxRssKB: process.resourceUsage().maxRSS }));
