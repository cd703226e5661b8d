/**
 * 备案表：按账号所在地区选用该地的备案表（自贡附件1—3、六安备案登记表），其他地方用通用备案表，
 * 由登记簿填写，输出可打印的 HTML 和 Word（.docx）。
 *
 * Filing forms: the jurisdiction's own form where the repository has it (自贡 附件1–3, 六安
 * 备案登记表), else the generic form; filled in from the register; HTML and .docx.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Bilingual } from '../core/finding.ts';
import { ENGINE_ROOT } from '../core/paths.ts';
import type { Register } from '../core/register.ts';
import { loadPolicies } from '../policy/loader.ts';
import type { LoadedPolicy } from '../policy/types.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import type { FormDoc } from './layout.ts';
import { formFacts, FormError, type FormFacts } from './model.ts';
import { genericForm } from './templates/generic.ts';
import { luanForm } from './templates/luan.ts';
import { zigongForm } from './templates/zigong.ts';

export { FormError, filingIndexes, latestFilingIndex, formFacts, type FormFacts } from './model.ts';
export { formText, type FormDoc } from './layout.ts';
export { renderHtml } from './html.ts';
export { renderDocx } from './docx.ts';

export interface BuiltForm {
  facts: FormFacts;
  doc: FormDoc;
}

/** Lay out the form for one filing (default: the account's latest filing). Throws FormError. */
export function buildForm(register: Register, policies: readonly LoadedPolicy[], accountId: string, eventIndex?: number): BuiltForm {
  const facts = formFacts(register, policies, accountId, eventIndex);
  const doc = facts.template === 'zigong' ? zigongForm(facts) : facts.template === 'luan' ? luanForm(facts) : genericForm(facts);
  return { facts, doc };
}

export function formHtml(built: BuiltForm): string {
  return renderHtml(built.doc, { source: `${built.facts.file}#events/${built.facts.eventIndex}` });
}

export interface WrittenForm {
  accountId: string;
  eventIndex: number;
  title: string;
  html: string;
  docx: string;
}

export interface FormsResult {
  written: WrittenForm[];
  /** Filings that could not be rendered (unknown account, not a filing event), with the reason. */
  skipped: { accountId: string; eventIndex: number; reason: Bilingual }[];
}

/**
 * Write the HTML and .docx forms of several filings to outDir (created if needed), named
 * `<account id>-<event index>-<kind>备案表.html|.docx`. For the PR workflow: the forms for a
 * PR's filings, attached as an artifact. A filing that cannot be rendered is listed in
 * `skipped`, never thrown, so one bad entry does not lose the others.
 */
export async function formsForFilings(
  register: Register,
  changes: { accountId: string; eventIndex: number }[],
  outDir: string,
  opts: { policies?: readonly LoadedPolicy[]; engineRoot?: string } = {},
): Promise<FormsResult> {
  const policies = opts.policies ?? (await loadPolicies(opts.engineRoot ?? ENGINE_ROOT));
  mkdirSync(outDir, { recursive: true });
  const result: FormsResult = { written: [], skipped: [] };
  const seen = new Set<string>();
  for (const ch of changes) {
    const key = `${ch.accountId}#${ch.eventIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let built: BuiltForm;
    try {
      built = buildForm(register, policies, ch.accountId, ch.eventIndex);
    } catch (e) {
      if (e instanceof FormError) {
        result.skipped.push({ accountId: ch.accountId, eventIndex: ch.eventIndex, reason: e.msg });
        continue;
      }
      throw e;
    }
    const base = path.join(outDir, safeName(built.doc.fileStem));
    writeFileSync(base + '.html', formHtml(built));
    writeFileSync(base + '.docx', await renderDocx(built.doc));
    result.written.push({ accountId: ch.accountId, eventIndex: built.facts.eventIndex, title: built.doc.title, html: base + '.html', docx: base + '.docx' });
  }
  return result;
}

/** Keep file names portable (account ids are already [a-z0-9-]; the kind is Chinese). */
export function safeName(stem: string): string {
  return stem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
