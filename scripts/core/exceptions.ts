/**
 * 经审核的规则例外：policies/exceptions/*.json。匹配的检查结果标为“按例外放行”（仍然列出），
 * 到期的例外本身报错（“到期要响亮”）。例外属于裁判的一部分：PR 检查使用基准分支的例外。
 * Reviewed exceptions: matching findings are marked suppressed (still listed, never dropped);
 * an expired exception is itself an error. Exceptions belong to the judge (base branch).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExceptionFile } from '../generated/types.ts';
import type { Finding } from './finding.ts';
import { parseJson } from './jsonpos.ts';
import { fileFinding, type Register, type SourceFile } from './register.ts';
import type { SchemaSet } from './schema.ts';

export const EXCEPTIONS_DIR = 'policies/exceptions';

export interface LoadedException {
  file: SourceFile;
  data: ExceptionFile;
}

export function loadExceptions(engineRoot: string, schemas: SchemaSet, dirOverride?: string): { exceptions: LoadedException[]; findings: Finding[] } {
  const dir = dirOverride ?? path.join(engineRoot, EXCEPTIONS_DIR);
  const exceptions: LoadedException[] = [];
  const findings: Finding[] = [];
  if (!existsSync(dir)) return { exceptions, findings };
  for (const name of readdirSync(dir).sort()) {
    if (name === 'README.md') continue;
    const rel = `${EXCEPTIONS_DIR}/${name}`;
    if (!name.endsWith('.json')) {
      findings.push(fileFinding('register/stray-file', rel, { line: 1, column: 1 }, { zh: `“${rel}”不是例外文件`, en: `"${rel}" is not an exception file` }, { zh: '例外目录中只能放 <编号>.json。', en: 'Only <id>.json files belong here.' }));
      continue;
    }
    const text = readFileSync(path.join(dir, name), 'utf8');
    const parsed = parseJson(text);
    const file: SourceFile = { rel, text, parsed };
    if (!parsed.ok) {
      const is = parsed.issues[0];
      findings.push(fileFinding('register/json-syntax', rel, { line: is?.line ?? 1, column: is?.column ?? 1 }, { zh: `JSON 语法错误：${is?.detail.zh ?? ''}`, en: `JSON syntax error: ${is?.detail.en ?? ''}` }, { zh: '请修正该例外文件。', en: 'Fix the exception file.' }));
      continue;
    }
    const issues = schemas.validate('exception', parsed.value);
    for (const is of issues) findings.push(fileFinding('register/schema', rel, is.atKey ? parsed.locateKey(is.pointer) : parsed.locate(is.pointer), is.message, is.fix));
    if (issues.length) continue;
    const data = parsed.value as ExceptionFile;
    if (data.id !== name.slice(0, -5)) {
      findings.push(fileFinding('register/id-path', rel, parsed.locate(['id']), { zh: `例外编号 "${data.id}" 与文件名不一致`, en: `exception id "${data.id}" does not match the file name` }, { zh: `请把 id 改为 "${name.slice(0, -5)}"。`, en: 'Make them equal.' }));
      continue;
    }
    exceptions.push({ file, data });
  }
  return { exceptions, findings };
}

/** Mark findings covered by a live exception; report expired ones. Returns the new findings list. */
export function applyExceptions(findings: Finding[], exceptions: readonly LoadedException[], register: Register, now: string): Finding[] {
  const out: Finding[] = [];
  const unitDir = new Map<string, string>();
  for (const u of register.units.values()) unitDir.set(u.id, u.file.rel.slice(0, -'unit.json'.length));
  const live = exceptions.filter((e) => e.data.expires > now);
  for (const f of findings) {
    const ex = live.find((e) => (e.data.rule === f.ruleId || f.alsoRules?.includes(e.data.rule) === true) && (e.data.account ? f.account === e.data.account : e.data.unit ? f.file.startsWith(unitDir.get(e.data.unit) ?? '\0') : false));
    if (ex) out.push({ ...f, suppressed: { by: ex.data.id, reason: ex.data.reason, expires: ex.data.expires } });
    else out.push(f);
  }
  for (const e of exceptions) {
    if (e.data.expires <= now) {
      out.push(fileFinding('register/exception-expired', e.file.rel, e.file.parsed.locate(['expires']), { zh: `例外“${e.data.id}”（规则 ${e.data.rule}，${e.data.account ? `账号 ${e.data.account}` : `单位 ${e.data.unit ?? ''}`}）已于 ${e.data.expires} 到期，相关检查结果不再放行`, en: `exception "${e.data.id}" (rule ${e.data.rule}) expired on ${e.data.expires}; its findings count again` }, { zh: '请完成整改后删除该例外文件；确需延期的，由主管单位重新审批并修改 expires。', en: 'Fix the account and delete the exception, or have the supervisor approve a new expiry date.' }));
    }
  }
  return out;
}
