/**
 * govmedia name-index：为某一提交建立账号名称索引（仿冒检查用），存入仓库的 .git/govmedia/names/。
 * 已有缓存时直接使用；有较早的索引时只读改动的文件。合并后的工作流运行它并把该目录存入 CI 缓存，
 * 合并请求检查恢复这份缓存，不必在每次新克隆中读出整个登记簿。退出码：0 完成，2 用法错误（不是
 * Git 仓库、没有该提交）。
 *
 * Build the account-name index of a commit (the impersonation check's) into the repository's
 * .git/govmedia/names/: used as is when cached, brought up to date from an older index by reading
 * only the changed files, else built from every account file. The post-merge workflow runs it and
 * saves that folder to the CI cache; the PR check restores it, so a fresh clone need not read the
 * whole register. Exit 0 done, 2 usage error (not a Git repository, no such commit).
 */
import path from 'node:path';
import { langValue, UsageError } from '../core/cli-args.ts';
import { git, resolveCommit } from '../core/git.ts';
import { nameIndexAt, type NameIndexStats } from '../core/name-index.ts';
import { jobLog, logText } from '../report/escape.ts';
import { commandHelp, parseCommand, type Io } from './table.ts';

export async function cmdNameIndex(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('name-index', args);
  const lang = langValue(values.lang);
  if (values.help) {
    io.out(commandHelp('name-index', lang));
    return 0;
  }
  const repo = path.resolve(values.repo ?? process.cwd());
  const rev = values.rev ?? 'HEAD';
  if (rev === '' || rev.startsWith('-') || /[\0\n\r]/.test(rev)) throw new UsageError(`--rev 须为提交或分支名（收到 ${JSON.stringify(rev)}）/ --rev must name a commit or branch`);
  let commit: string;
  try {
    commit = await resolveCommit(git(repo), rev);
  } catch {
    commit = '';
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new UsageError(`${repo} 中找不到提交“${rev}”（不是 Git 仓库，或没有该提交）/ no commit "${rev}" in ${repo} (not a Git repository, or no such commit)`);
  const stats: NameIndexStats = { how: 'empty', read: 0 };
  const names = (await nameIndexAt(repo, commit, stats)).size;
  const short = commit.slice(0, 12);
  // a folder's name is data: shown with its line breaks and invisible characters revealed
  const file = stats.file ? logText(path.relative(process.cwd(), stats.file) || stats.file) : undefined;
  const how = {
    zh: { built: `从头建立，读取 ${stats.read} 个账号文件`, updated: `由较早的索引更新，读取 ${stats.read} 个改动的账号文件`, cache: '已有缓存，未读取账号文件', memory: '已有缓存，未读取账号文件', empty: '该提交没有 accounts/，索引为空' },
    en: { built: `built from scratch, ${stats.read} account files read`, updated: `brought up to date from an older index, ${stats.read} changed account files read`, cache: 'already cached, no account file read', memory: 'already cached, no account file read', empty: 'the commit has no accounts/; the index is empty' },
  }[lang][stats.how];
  const where =
    stats.how === 'empty'
      ? ''
      : file
        ? lang === 'zh'
          ? `索引文件：${file}`
          : `index file: ${file}`
        : lang === 'zh'
          ? '无法写入缓存目录（Git 目录只读？），下次检查仍须重建'
          : 'the cache folder could not be written (a read-only Git folder?); the next check builds it again';
  const line = lang === 'zh' ? `账号名称索引：提交 ${short}，在用名称 ${names} 个；${how}。${where}` : `Account-name index: commit ${short}, ${names} names in use; ${how}. ${where.charAt(0).toUpperCase()}${where.slice(1)}`;
  // printed to the CI job log: no line may become a workflow command
  io.out(jobLog(line.trim()));
  return 0;
}
