#!/usr/bin/env node
// 政务新媒体备案库命令行入口：有最新的编译版（npm run build，npm ci 时自动运行）就直接运行它，
// 否则经 tsx 运行 TypeScript 源码。
// The govmedia command: runs the compiled copy when it is current (npm run build, run by npm ci),
// else the TypeScript sources through tsx.
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { compiledEntry } from './dist.mjs';

// V8 把常用函数交给优化编译器（TurboFan）之前，先让它们在基线代码中多运行一会儿（预算为默认的 8 倍）：
// 命令行进程只活几秒，按网页的长时间运行调校的默认值会让优化编译线程在 2 核机器上与检查线程争用 CPU。
// V8 waits longer before handing a function to its optimising compiler (TurboFan): 8 times the
// default interrupt budget. A command lives a few seconds, and the default, tuned for long-running
// pages, keeps compile threads busy beside the checking and reading threads. Measured in paired
// runs on 2 cores: validate of 10,000 accounts 0.89x wall and 0.81x CPU (12 pairs); of 100,000
// accounts, of the sample register and a one-account check-pr of 100,000, unchanged (within noise).
// The budget is read each time a function's counter is reset, so setting it here, before the
// engine is loaded, applies to all of its code (both threads: flags are per process). A budget
// given on Node's own command line is kept.
if (!process.execArgv.some((a) => a.startsWith('--interrupt-budget='))) v8.setFlagsFromString('--interrupt-budget=540672');

// 输出管道被提前关闭（例如 `govmedia history … | head`）时安静地结束，不打印堆栈。
// A reader that closes the pipe early (`| head`) ends the command quietly: no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const compiled = compiledEntry('scripts/cli.js');
let cli;
if (compiled) cli = await import(pathToFileURL(compiled).href);
else {
  (await import('tsx/esm/api')).register();
  cli = await import('./cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
