/**
 * 文字层面的敌意合并请求，第 一 部分（场景见 text-pr-cases.ts；两部分在不同的工作进程中并行运行）。
 * Hostile pull requests at the level of text, part 1 of 2 (the scenarios are in
 * text-pr-cases.ts; the two parts run in parallel workers).
 */
import { runTextScenarios } from './text-pr-cases.ts';

runTextScenarios(0, 2);
