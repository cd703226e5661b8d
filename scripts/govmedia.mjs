#!/usr/bin/env node
// 政务新媒体备案库命令行入口：有最新的编译版（npm run build，npm ci 时自动运行）就直接运行它，
// 否则经 tsx 运行 TypeScript 源码。
// The govmedia command: runs the compiled copy when it is current (npm run build, run by npm ci),
// else the TypeScript sources through tsx.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './dist.mjs';
import { tuneForCommand } from './v8-tiering.mjs';

// V8 的调校（优化编译晚一些；history、audit 除外），在载入引擎之前 / V8's tiering for the command, set before the engine loads (v8-tiering.mjs)
tuneForCommand(process.argv.slice(2));

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
