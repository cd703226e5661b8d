#!/usr/bin/env node
// 政务新媒体备案库命令行入口。The govmedia command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
