#!/usr/bin/env node
/**
 * 基线（floor）：读出 accounts/ 下的每个文件并 JSON.parse，别的什么也不做。与 govmedia validate 用同一个 Node。
 * The floor for validate: read every file under accounts/ and JSON.parse it, nothing else; same Node.
 *   node scripts/bench/floor-read.mjs <root>   → {"ms":…,"files":…,"keys":…,"maxRssKB":…}
 */
import { floorRoot, runFloor } from './floor-walk.mjs';

const root = floorRoot('floor-read.mjs');
let keys = 0;
runFloor(
  root,
  (_name, v) => {
    keys += Object.keys(v).length;
  },
  () => ({ keys }),
);
