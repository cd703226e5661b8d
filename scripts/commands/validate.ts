/**
 * govmedia validate 的命令部分：--rule 给出的规则编号必须存在。检查本身在 core/pipeline.ts。
 * The validate command's own part: the ids given with --rule must exist. The checking is core/pipeline.ts.
 */
import { UsageError } from '../core/errors.ts';

/** `--rule` names rules that exist (built-in or of a policy module); an unknown id is a usage error, not a clean result. */
export async function checkRuleIds(ids: ReadonlySet<string>, engineRoot: string): Promise<void> {
  const { collectRules } = await import('./rules.ts');
  const known = new Set((await collectRules(engineRoot)).map((r) => r.id));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (!unknown.length) return;
  const near = [...known].filter((k) => unknown.some((u) => { const tail = u.slice(u.lastIndexOf('/') + 1); return tail.length >= 3 && k.endsWith('/' + tail); })).slice(0, 5);
  const hint = near.length ? `相近的规则编号：${near.join('、')}。` : '';
  throw new UsageError(`未知的规则编号：${unknown.join('、')}。运行 govmedia rules 可列出全部规则编号（docs/rules.md 中也有）。${hint}\nunknown rule id: ${unknown.join(', ')}; run \`govmedia rules\` to list the rule ids.`);
}

