#!/usr/bin/env node
// 向导的独立入口（在接入 govmedia 命令行之前、以及终端测试使用）：node scripts/scaffold-main.mjs new|backfill|change|close …
// Stand-alone entry for the scaffolder commands (used by the pseudo-terminal test).
import { importEngineModule } from './dist.mjs';

// like scripts/govmedia.mjs: the compiled copy when it is current, else the sources through tsx
const { cmdNew, cmdBackfill, cmdChange, cmdClose } = await importEngineModule(new URL('./commands/scaffold.ts', import.meta.url).href);
const io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
};
const [cmd, ...args] = process.argv.slice(2);
const commands = { new: cmdNew, backfill: cmdBackfill, change: cmdChange, close: cmdClose };
const f = commands[cmd ?? ''];
if (!f) {
  io.err('用法：node scripts/scaffold-main.mjs new|backfill|change|close [选项]');
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await f(args, io);
  } catch (e) {
    io.err(`内部错误：${e?.message ?? String(e)}\n请把这条信息报告给本库维护者。`);
    process.exitCode = 2;
  }
}
