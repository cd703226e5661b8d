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
 * The walk, the timing and the output are floor-read.mjs's (floor-walk.mjs).
 *   node scripts/bench/floor-schema.mjs <root>   → {"ms":…,"files":…,"invalid":…,"maxRssKB":…}
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { floorRoot, runFloor } from './floor-walk.mjs';

const root = floorRoot('floor-schema.mjs');
const compiled = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'scripts', 'generated', 'validators.js');
if (!existsSync(compiled)) {
  console.error('缺少编译版的模式校验函数，请先运行 npm run build / the compiled validators are missing: run npm run build first');
  process.exit(2);
}
const schemas = await import(pathToFileURL(compiled).href);
let invalid = 0;
runFloor(
  root,
  (name, v) => {
    const check = name === 'unit.json' ? schemas.unit : name === 'region.json' ? schemas.region : schemas.account;
    if (!check(v)) invalid++;
  },
  () => ({ invalid }),
);
