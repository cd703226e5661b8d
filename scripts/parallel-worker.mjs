// 并行检查的工作线程入口：加载主线程所用的引擎（编译版 .js，或经 tsx 的 .ts），检查分给它的单位文件夹。
// 主线程运行源码（测试）而编译版是最新的时，加载同一份源码的编译版（dist.mjs importEngineModule），不再在线程里注册 tsx。
// Worker entry of the parallel validation (started by scripts/pipeline/parallel.ts): loads the
// engine the main thread runs (compiled .js, or .ts through tsx) and judges its share. When the main
// thread runs the sources (the tests do) and the build is current, the thread loads the same
// sources compiled (dist.mjs importEngineModule) instead of registering tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { importEngineModule } from './dist.mjs';

const { share, input } = workerData;
const { runShare } = await importEngineModule(share);
const result = await runShare(input);
parentPort.postMessage(result);
