#!/usr/bin/env node
// npm run bench：基准测试入口（经 tsx 加载 TypeScript）。The benchmark entry (loads TypeScript through tsx).
import { register } from 'tsx/esm/api';

register();
const { benchMain } = await import('./run.ts');
process.exitCode = await benchMain();
