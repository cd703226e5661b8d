/**
 * govmedia site：由公开导出生成政务新媒体备案公示网站（静态文件，不含个人信息）。
 * govmedia site: build the public registry site (static files, no personal data) from the
 * public export only.
 *
 *   govmedia site [--out site-dist] [--now YYYY-MM-DD] [--root 目录] [--lang zh|en]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../core/csv.ts';
import { commonValues, describeFsError, langOf, usageFailure, UsageError, type Io } from '../export/cli-args.ts';
import { loadForExport } from '../export/load.ts';
import { publicRecords, type PublicRecord } from '../export/records.ts';
import type { Register } from '../core/register.ts';
import { exportJson, exportTable } from '../export/render.ts';
import { buildSite, type Publisher, type SiteFile } from '../site/build.ts';
import { assistantFiles } from '../assistant/page.ts';
import { commandHelp, parseCommand } from './table.ts';

/** Build the site's files from a register folder (nothing written). */
export function siteFiles(dataRoot: string, now: string): { files: SiteFile[]; count: number; errors: number } {
  const { register, errors } = loadForExport(dataRoot, now);
  const records = publicRecords(register, now);
  const opts = { public: true, now, lang: 'zh' as const };
  const table = exportTable(register, opts, records);
  const files = buildSite({ records, dataDate: now, json: exportJson(register, opts, records), csv: toCsv(table.header, table.rows), publishers: publishersOf(register, records) });
  return { files, count: records.length, errors: errors.length };
}

export async function cmdSite(args: string[], io: Io): Promise<number> {
  const lang0 = langOf(args);
  try {
    const { values } = parseCommand('site', args);
    if (values.help) {
      io.out(commandHelp('site', lang0));
      return 0;
    }
    const c = commonValues(values);
    const outArg = values.out ?? 'site-dist';
    if (outArg.trim() === '') throw new UsageError('--out 须给出输出目录');
    const outDir = path.resolve(outArg);
    let isFile = false;
    try {
      isFile = !statSync(outDir).isDirectory();
    } catch {
      /* does not exist yet */
    }
    if (isFile) throw new UsageError(`--out 应为目录，但 ${outArg} 是一个文件`);

    const { files, count, errors } = siteFiles(c.root, c.now);
    // the filing assistant (备案助手) beside the registry: assistant/index.html
    const assistant = await assistantFiles(c.root, c.now);
    files.push(...assistant.files);
    if (assistant.note) io.err(assistant.note);
    try {
      mkdirSync(outDir, { recursive: true });
      for (const f of files) {
        mkdirSync(path.dirname(path.join(outDir, f.name)), { recursive: true });
        writeFileSync(path.join(outDir, f.name), f.data);
      }
    } catch (e) {
      io.err(c.lang === 'zh' ? describeFsError(e, outArg) : `cannot write ${outArg}: ${(e as Error).message}`);
      return 2;
    }
    if (errors) {
      io.err(c.lang === 'zh' ? `注意：登记簿中有 ${errors} 处错误，未通过检查的文件没有收录。请运行 govmedia validate 查看并修正。` : `note: the register has ${errors} error(s); files that fail the checks are not included. Run govmedia validate.`);
    }
    io.out(
      c.lang === 'zh'
        ? `已生成公开网站：${path.join(outArg, 'index.html')}（${count} 个账号，数据日期 ${c.now}，不含个人信息）`
        : `built the public site: ${path.join(outArg, 'index.html')} (${count} accounts, data date ${c.now}, no personal data)`,
    );
    if (assistant.files.length) {
      io.out(
        c.lang === 'zh'
          ? `已生成备案助手：${path.join(outArg, 'assistant', 'index.html')}（${assistant.teams ? '内含本库的管理队伍信息（site.config.json 设了 assistant.teams），只应发布在能读取本仓库的内网上' : '登记簿中的人员均以“人员N（已隐去）”代替，可与公开网站一起发布'}）`
          : `built the filing assistant: ${path.join(outArg, 'assistant', 'index.html')} (${assistant.teams ? 'it carries the register\'s teams (assistant.teams in site.config.json): publish it only where the repository itself may be read' : 'the register\'s people are replaced by stand-ins; it may be published with the public site'})`,
      );
    }
    return errors ? 1 : 0;
  } catch (e) {
    const code = usageFailure(e, lang0, io);
    if (code !== undefined) return code;
    io.err(lang0 === 'zh' ? `生成网站失败：${(e as Error)?.message ?? String(e)}\n请把这条信息报告给本库维护者。` : `site build failed: ${(e as Error)?.message ?? String(e)}\nPlease report this to the maintainers.`);
    return 2;
  }
}

/** The supervising offices of the regions that hold published accounts, with their public contacts. */
export function publishersOf(register: Register, records: readonly PublicRecord[]): Publisher[] {
  const out: Publisher[] = [];
  const ids = [...register.regions.keys()].sort();
  for (const id of ids) {
    const r = register.regions.get(id)!.data;
    const office = r.supervisingOffice ? register.units.get(r.supervisingOffice)?.data.name : r.supervisingOfficeName;
    if (!office) continue;
    if (!records.some((x) => x.regionId === id || (id !== '' && x.regionId.startsWith(id + '/')))) continue;
    const c = r.publicContact;
    out.push({ region: r.name, office, ...(c?.name ? { contactName: c.name } : {}), ...(c?.phone ? { phone: c.phone } : {}), ...(c?.email ? { email: c.email } : {}), ...(c?.url ? { url: c.url } : {}), ...(c?.address ? { address: c.address } : {}) });
  }
  return out;
}
