/**
 * govmedia form <账号编号> [--event <序号>] [--format html|docx] [--out <文件>] [--lang zh|en] [--root <目录>]
 *
 * 填写并输出某账号某次备案的备案表（自贡附件1—3、六安备案登记表，其他地方为通用备案表），
 * 供打印、签字、盖章。HTML 不指定 --out 时输出到标准输出；.docx 不指定 --out 时写到当前目录。
 *
 * Fill in the filing form of one filing of one account (the jurisdiction's own form, or the
 * generic one) for printing, signing and sealing. Exit codes: 0 written, 1 the account file does
 * not pass the register checks, 2 usage error (unknown account, event that is not a filing, bad
 * flags). Never a stack trace.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayShanghai } from '../calendar/workdays.ts';
import { langOf, langValue, usageText, UsageError } from '../core/cli-args.ts';
import type { Lang } from '../core/finding.ts';
import { defaultDataRoot, ENGINE_ROOT } from '../core/paths.ts';
import { ACCOUNTS_DIR } from '../core/register.ts';
import { FsSource } from '../core/source.ts';
import { buildForm, formHtml, FormError, renderDocx, safeName } from '../forms/index.ts';
import { WORK_KIND_EN } from '../core/lifecycle.ts';
import { loadPolicies } from '../policy/loader.ts';
import { formatFinding } from '../report/text.ts';
import { readRegister } from '../pipeline/pipeline.ts';
import { commandHelp, parseCommand, type Io } from './table.ts';

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function cmdForm(args: string[], io: Io): Promise<number> {
  const lang = langOf(args);
  try {
    return await run(args, io, lang);
  } catch (e) {
    const u = e instanceof UsageError ? e : e instanceof FormError ? new UsageError(e.msg.zh, e.msg.en) : undefined;
    if (!u) throw e;
    io.err(usageText(u, lang, 'form'));
    return 2;
  }
}

async function run(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommand('form', args);
  if (values.help) {
    io.out(commandHelp('form', lang));
    return 0;
  }
  langValue(values.lang);
  if (positionals.length === 0) throw new UsageError('请写明账号编号，例如 govmedia form zg-swjw-weibo', 'give an account id, e.g. govmedia form zg-swjw-weibo');
  if (positionals.length > 1) throw new UsageError(`一次只能填写一个账号的备案表（收到 ${positionals.join('、')}）`, `one account at a time (got ${positionals.join(', ')})`);
  const accountId = positionals[0]!;
  if (!ID_RE.test(accountId)) throw new UsageError(`账号编号“${accountId}”不合规范：编号只含小写字母、数字和连字符，就是账号文件名去掉 .json`, `account id "${accountId}" is invalid: lowercase letters, digits and hyphens (the file name without .json)`);

  let eventIndex: number | undefined;
  if (values.event !== undefined) {
    if (!/^\d{1,6}$/.test(values.event) || Number(values.event) < 1) throw new UsageError(`--event 须为事件序号（从 1 开始的整数），收到“${values.event}”`, `--event must be an event number (an integer from 1), got "${values.event}"`);
    eventIndex = Number(values.event) - 1;
  }

  let format = values.format;
  const outExt = values.out ? path.extname(values.out).toLowerCase() : '';
  const extFormat = outExt === '.docx' ? 'docx' : outExt === '.html' || outExt === '.htm' ? 'html' : undefined;
  if (format !== undefined && format !== 'html' && format !== 'docx') throw new UsageError(`--format 只能是 html 或 docx（收到 ${format}）`, `--format must be html or docx (got ${format})`);
  if (format && extFormat && format !== extFormat) throw new UsageError(`--format ${format} 与输出文件扩展名 ${outExt} 不一致`, `--format ${format} does not match the output file extension ${outExt}`);
  format = format ?? extFormat ?? 'html';

  const root = values.root ? path.resolve(values.root) : defaultDataRoot();
  if (!existsSync(path.join(root, ACCOUNTS_DIR))) throw new UsageError(`目录“${root}”中没有 accounts/，不是登记簿；请用 --root 指定登记簿所在目录`, `"${root}" has no accounts/ folder; point --root at the register`);

  // find the account's unit folder from the listing, then read just that unit (and the regions)
  const src = new FsSource(root);
  const hits = src.list(ACCOUNTS_DIR).filter((e) => e.type === 'file' && path.posix.basename(e.rel) === `${accountId}.json`);
  if (hits.length === 0) {
    throw new UsageError(`登记簿（${root}）中没有编号为“${accountId}”的账号（找不到 ${accountId}.json）`, `the register (${root}) has no account "${accountId}" (no ${accountId}.json)`);
  }
  const unitDirs = new Set(hits.map((h) => path.posix.dirname(h.rel).slice(ACCOUNTS_DIR.length + 1)));
  const policies = await loadPolicies(ENGINE_ROOT);
  const { register, findings } = readRegister(src, { now: todayShanghai(), policies, scope: unitDirs });
  if (!register.accountsById.has(accountId)) {
    const files = new Set([...hits.map((h) => h.rel), ...[...unitDirs].map((d) => `${ACCOUNTS_DIR}/${d}/unit.json`)]);
    const own = findings.filter((f) => files.has(f.file));
    io.err(
      (lang === 'zh'
        ? `账号文件 ${hits.map((h) => h.rel).join('、')} 未通过登记簿检查，无法填写备案表。请先修正以下问题（可运行 govmedia validate ${hits[0]!.rel}）：`
        : `the account file ${hits.map((h) => h.rel).join(', ')} does not pass the register checks, so no form can be filled. Fix these first (govmedia validate ${hits[0]!.rel}):`) +
        '\n\n' +
        own.map((f) => formatFinding(f, lang)).join('\n\n'),
    );
    return 1;
  }

  const built = buildForm(register, policies, accountId, eventIndex);
  const { facts, doc } = built;
  const what = lang === 'zh' ? `${doc.title}${doc.subtitle ?? ''}（${accountId} 第 ${facts.eventIndex + 1} 号事件：${facts.filingType} ${facts.event.date}）` : `${doc.title}${doc.subtitle ?? ''} (${accountId}, event ${facts.eventIndex + 1}: ${WORK_KIND_EN[facts.kind]} filing of ${facts.event.date})`;

  if (format === 'html' && !values.out) {
    io.out(formHtml(built));
    return 0;
  }
  const file = outputPath(values.out, safeName(doc.fileStem) + (format === 'docx' ? '.docx' : '.html'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, format === 'docx' ? await renderDocx(doc) : formHtml(built));
  io.out(lang === 'zh' ? `已写出 ${file}\n${what}\n备案表含工作人员姓名和电话，只供内部备案使用，不得公开。` : `wrote ${file}\n${what}\nThe form holds staff names and phone numbers: internal use only.`);
  return 0;
}

/** --out may be a file, a folder (existing, or written with a trailing slash), or absent. */
function outputPath(out: string | undefined, name: string): string {
  if (!out) return path.resolve(name);
  const abs = path.resolve(out);
  let isDir = /[\\/]$/.test(out);
  try {
    isDir ||= statSync(abs).isDirectory();
  } catch {
    /* does not exist: a file name */
  }
  return isDir ? path.join(abs, name) : abs;
}
