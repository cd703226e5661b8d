/**
 * 对抗测试（渲染）的共用工具：在真实临时 Git 仓库中建一个分支、提交、运行 check-pr，
 * 一次取回所有会被 GitHub / GitLab 渲染或打印的输出：作业日志（文本 + 行内标注）、Markdown 摘要、
 * Code Quality JSON、检查记录。
 * Shared by the render adversarial tests: one branch per scenario in a real temporary Git
 * repository, check-pr run once, and every output a forge renders or prints read back.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { cli, tmpDir } from '../helpers.ts';
import { backToMain, commitAll, startBranch, type Repo } from '../pr-harness.ts';

export interface Outputs {
  code: number;
  /** stdout: the annotations, then the text report (what the job log shows). */
  log: string;
  err: string;
  annotations: string[];
  summary: string;
  gitlabRaw: string;
  gitlab: { description: string; check_name: string; location: { path: string } }[];
  recordRaw: string;
  record: { verdict: { result: string }; findings: { introduced: { ruleId: string; message: { zh: string }; personal?: unknown }[] }; visibility?: string };
  forms: string[];
}

let seq = 0;

export async function runHostile(repo: Repo, steps: ((r: Repo) => void)[], opts: { visibility?: 'public' | 'private'; labels?: string[]; forms?: boolean; lang?: 'zh' | 'en' } = {}): Promise<Outputs> {
  const branch = `hostile-${++seq}`;
  await startBranch(repo, branch);
  let i = 0;
  for (const step of steps) {
    step(repo);
    await commitAll(repo, `第 ${++i} 步`);
  }
  const out = tmpDir('govmedia-render-');
  try {
    const f = (n: string): string => path.join(out, n);
    const args = [
      'check-pr', '--repo', repo.dir, '--base', 'main', '--head', branch, '--now', '2026-11-20', '--engine', 'self',
      '--format', 'text', '--annotations', '--summary', f('summary.md'), '--gitlab', f('gl.json'), '--record', f('record.json'),
      ...(opts.visibility ? ['--visibility', opts.visibility] : []),
      ...(opts.forms ? ['--forms', f('forms')] : []),
      ...(opts.lang ? ['--lang', opts.lang] : []),
      ...(opts.labels ?? []).flatMap((l) => ['--labels', l]),
    ];
    const r = await cli(args);
    await backToMain(repo);
    const read = (n: string): string => (existsSync(f(n)) ? readFileSync(f(n), 'utf8') : '');
    const gitlabRaw = read('gl.json');
    const recordRaw = read('record.json');
    if (!recordRaw) throw new Error(`check-pr wrote no record (exit ${r.code}):\n${r.out}\n${r.err}`);
    return {
      code: r.code,
      log: r.out,
      err: r.err,
      annotations: r.out.split('\n').filter((l) => /^::(error|warning|notice)\b/.test(l)),
      summary: read('summary.md'),
      gitlabRaw,
      gitlab: JSON.parse(gitlabRaw || '[]') as Outputs['gitlab'],
      recordRaw,
      record: JSON.parse(recordRaw) as Outputs['record'],
      forms: existsSync(f('forms')) ? readdirSync(f('forms')).sort() : [],
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const OUR_HEADINGS = /^(## 政务新媒体备案检查：|## Register check: |### (本次变更|What changes|规则修改|Rules changes|办理期限|Deadlines|需要的审批|Approvals required|本次修改引入的问题|Problems introduced|按例外放行|Skipped by reviewed exceptions|检查依据|Basis of this decision|例外理由（“原则上”条款，须经主管单位审核同意）|Justifications )|#### (须由主办单位办理|须由主管单位办理|须由本库维护者处理|For the host unit to act on|For the supervising office to act on|For the maintainers to act on)(（\d+ 条）| \(\d+\))$)/;
const ANNOTATION = /^::(error|warning|notice)( [a-z]+=[^,:\n]*(,[a-z]+=[^,:\n]*)*)?::[^\r\n]*$/;

/**
 * What must hold for ANY hostile input:
 * - the job log: every line that starts with "::" (after the leading whitespace the runner trims)
 *   is one of our well-formed annotations (properties free of raw ":" and ","), and "##[" appears nowhere;
 * - the Markdown summary: the only headings are ours, no raw HTML tag or comment besides our marker
 *   and <details>/<summary>, no @mention or #reference outside code spans, no Markdown link.
 */
export function expectInert(o: Outputs): void {
  for (const line of o.log.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085\u180e]+/, '');
    // an annotation line is parsed as ::command (TryParseV2 first), so "##[" in its data is inert
    if (trimmed.startsWith('::')) expect(line, 'a line starting with :: must be our own annotation').toMatch(ANNOTATION);
    else expect(line).not.toContain('##[');
  }
  for (const e of o.err.split(/\r\n|\r|\n/)) expect(e.replace(/^\s+/, '').startsWith('::'), e).toBe(false);
  const lines = o.summary.split('\n');
  expect(lines[0]).toBe('<!-- govmedia-pr-check -->');
  for (const line of lines) {
    if (/^\s{0,3}#/.test(line)) expect(line, 'only our own headings').toMatch(OUR_HEADINGS);
    const noCode = line.replace(/`[^`]*`/g, '').replace(/&#8203;|&#32;/g, '');
    const rendered = line.replace(/`[^`]*`/g, '').replace(/&#8203;/g, '\u200b');
    expect(noCode, 'no raw HTML besides our marker and <details>').not.toMatch(/<(?!\/?(details|summary)>|!-- govmedia-pr-check -->)[A-Za-z!/]/);
    // the zero-width space (&#8203;) we put after @ and # is what stops GitHub linking them
    expect(rendered, 'no @mention').not.toMatch(/@[A-Za-z0-9]/);
    expect(rendered, 'no #reference').not.toMatch(/#[0-9]/);
    expect(noCode, 'no Markdown link').not.toMatch(/(?<!\\)\]\(/);
    expect(rendered, 'no autolink').not.toMatch(/https?:\/\/|www\.[a-z]/i);
    // a table row keeps its columns: 4 (changes) or 5 (findings) cells, so 5 or 6 unescaped pipes
    if (line.startsWith('|')) expect([5, 6], line).toContain(line.match(/(?<!\\)\|/g)!.length);
  }
  expect(o.summary.split('<!-- govmedia-pr-check -->').length, 'the sticky-comment marker appears once').toBe(2);
}
