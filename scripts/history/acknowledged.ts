/**
 * 审计已确认的历史提交（policies/audit-acknowledged.json），类似 .git-blame-ignore-revs：历史不得改写，
 * 维护者的整理提交（例如样例数据重组）在审计中列为“已由维护者确认”，不计为违规。
 * 清单只从被审计的分支末端（--rev）读取，从不读取被判断的提交中的版本；清单格式不符时整份不用
 * （什么也不确认），并报告到具体位置。
 *
 * The maintainers' acknowledgment list for `govmedia audit`, read from the audited tip only (never
 * from a commit being judged). A malformed list is reported (located) and ignored as a whole: it
 * fails closed. An entry naming a commit outside the audited first-parent history is a warning.
 */
import type { Finding } from '../core/finding.ts';
import type { AcknowledgedFile } from '../generated/types.ts';
import { parseJson } from '../core/jsonpos.ts';
import { fileFinding } from '../core/register.ts';
import { SchemaSet } from '../core/schema.ts';
import { runGit } from './replay.ts';
import { ACK_FILE } from './ack-file.ts';

export { ACK_FILE };
/** A list larger than this is not read (it would be thousands of entries). */
export const ACK_MAX_BYTES = 256 * 1024;

export type AckEntry = AcknowledgedFile['entries'][number];

export interface AckList {
  /** Entries by full commit sha; empty when the list is missing or malformed. */
  entries: Map<string, AckEntry>;
  /** Problems with the list (errors: the list was ignored; warnings: an entry names an unknown commit). */
  findings: Finding[];
}

const FIX = {
  zh: `请按 schemas/acknowledged.schema.json 修正 ${ACK_FILE}（每项 {"commit": 40 位提交编号, "reason": 中文理由, "acknowledgedOn": "YYYY-MM-DD", "rules": [可选的规则编号]}），由维护者审核后合并；在修正之前，清单中的提交一律不予确认。`,
  en: `Fix ${ACK_FILE} per schemas/acknowledged.schema.json (entries {"commit": 40-hex sha, "reason", "acknowledgedOn": "YYYY-MM-DD", "rules"?}), reviewed by the maintainers; until then nothing is acknowledged.`,
};

function invalid(pos: { line: number; column: number }, zh: string, en: string): Finding {
  return fileFinding('audit/acknowledged-invalid', ACK_FILE, pos, { zh: `审计已确认提交清单不予采用：${zh}`, en: `the audit acknowledgment list is ignored: ${en}` }, FIX);
}

/** Parse and check the list's text (no Git): the entries, or located findings and no entries. */
export function parseAckList(text: string, schemas: SchemaSet): AckList {
  const none = (findings: Finding[]): AckList => ({ entries: new Map(), findings });
  if (Buffer.byteLength(text, 'utf8') > ACK_MAX_BYTES) return none([invalid({ line: 1, column: 1 }, `文件超过 ${ACK_MAX_BYTES / 1024} KiB`, `the file is larger than ${ACK_MAX_BYTES / 1024} KiB`)]);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const is = parsed.issues[0];
    return none([invalid({ line: is?.line ?? 1, column: is?.column ?? 1 }, `JSON 语法错误：${is?.detail.zh ?? ''}`, `JSON syntax error: ${is?.detail.en ?? ''}`)]);
  }
  const issues = schemas.validate('acknowledged', parsed.value);
  if (issues.length) return none(issues.map((is) => invalid(is.atKey ? parsed.locateKey(is.pointer) : parsed.locate(is.pointer), is.message.zh, is.message.en)));
  const data = parsed.value as AcknowledgedFile;
  const entries = new Map<string, AckEntry>();
  const findings: Finding[] = [];
  data.entries.forEach((e, i) => {
    if (entries.has(e.commit)) findings.push(invalid(parsed.locate(['entries', i, 'commit']), `第 ${i + 1} 项的提交 ${e.commit.slice(0, 8)} 重复列出`, `entry ${i + 1} lists commit ${e.commit.slice(0, 8)} again`));
    entries.set(e.commit, e);
  });
  return findings.length ? none(findings) : { entries, findings };
}

/**
 * Read the list as it is at `tip` (a full commit sha), and warn about entries that name a commit not
 * in `history` (the first-parent commits up to the tip). A missing list is an empty one.
 */
export async function readAckList(repo: string, tip: string, history: ReadonlySet<string>, schemas: SchemaSet): Promise<AckList> {
  const ls = await runGit(repo, ['ls-tree', '-z', '--full-tree', tip, '--', ACK_FILE]);
  const rec = ls.split('\0').find((r) => r.endsWith(`\t${ACK_FILE}`));
  if (!rec) return { entries: new Map(), findings: [] };
  const [mode, type, sha] = rec.slice(0, rec.indexOf('\t')).split(' ');
  if (type !== 'blob' || mode === '120000' || !sha) return { entries: new Map(), findings: [invalid({ line: 1, column: 1 }, '它不是普通文件（目录、符号链接或子模块）', 'it is not a regular file')] };
  const size = Number((await runGit(repo, ['cat-file', '-s', sha])).trim());
  if (!(size <= ACK_MAX_BYTES)) return { entries: new Map(), findings: [invalid({ line: 1, column: 1 }, `文件超过 ${ACK_MAX_BYTES / 1024} KiB`, `the file is larger than ${ACK_MAX_BYTES / 1024} KiB`)] };
  const text = await runGit(repo, ['cat-file', 'blob', sha]);
  const list = parseAckList(text, schemas);
  if (!list.entries.size) return list;
  const parsed = parseJson(text);
  let i = 0;
  for (const e of (parsed.value as AcknowledgedFile).entries) {
    if (!history.has(e.commit)) {
      list.findings.push(
        fileFinding(
          'audit/acknowledged-unknown-commit',
          ACK_FILE,
          parsed.locate(['entries', i, 'commit']),
          { zh: `第 ${i + 1} 项的提交 ${e.commit.slice(0, 8)} 不在被审计的主分支第一父历史中，这一项不起作用`, en: `entry ${i + 1}: commit ${e.commit.slice(0, 8)} is not on the audited first-parent history; the entry has no effect` },
          { zh: '请核对提交编号（git rev-parse）；从其他分支合并进来的改动由合并提交带来，应填写该合并提交的编号。', en: 'Check the sha (git rev-parse); changes merged from another branch are judged on the merge commit: name that commit.' },
        ),
      );
    }
    i++;
  }
  return list;
}

/** Whether an entry covers a finding: every finding of the commit, or only the listed rules. */
export function ackCovers(e: AckEntry, f: Finding): boolean {
  if (!e.rules) return true;
  return e.rules.includes(f.ruleId) || (f.alsoRules ?? []).some((r) => e.rules!.includes(r));
}
