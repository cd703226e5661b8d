#!/usr/bin/env node
// 基准测试的进程内计时入口（经 tsx 加载 TypeScript）。In-process timing entry for the benchmark (loads TypeScript through tsx).
import { register } from 'tsx/esm/api';

register();
const { childMain } = await import('./child.ts');
process.exitCode = await childMain(process.argv.slice(2));
