/**
 * 一个办法版本只评判其施行之日及以后的事项：这条比较只写在这里。
 * A version of a policy judges only what happens on or after the day it came into force; this is
 * the one place that comparison is written. Rules reach it through their context (`ctx.inForce(date)`,
 * `ctx.judged(work)`), so no rule compares against `manifest.inForce` itself.
 */
import type { Work } from '../core/lifecycle.ts';
import type { LoadedPolicy } from './types.ts';

/** Whether the version is in force on that date (a date before it is not judged by it). */
export function inForceOn(policy: LoadedPolicy, date: string): boolean {
  return date >= policy.manifest.inForce;
}

/** Whether a piece of work is judged by the version: it started on or after the version came into force. */
export function judgedWork(policy: LoadedPolicy, w: Pick<Work, 'start'>): boolean {
  return inForceOn(policy, w.start);
}
