/**
 * 命令表：全部命令及其选项、参数、退出码只在这里写一次；由它生成参数解析（node:util parseArgs 的配置）、
 * 每个命令的 --help（中文在前，--lang en 为英文）和 govmedia --help。新增一个命令就是在 COMMAND_TABLE 里加一项。
 *
 * The command table: every command, its options, arguments and exit codes, written once. Parsing
 * (the node:util parseArgs config), each command's --help (Chinese first, English with --lang en) and
 * the global --help are generated from it. Adding a command is one entry in COMMAND_TABLE.
 */
import type { Lang } from '../core/finding.ts';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export type Handler = (args: string[], io: Io) => Promise<number>;

interface Text {
  zh: string;
  en: string;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in help, e.g. {zh:'<文件>', en:'<file>'}. */
  arg?: Text;
  help: Text;
}

export interface CommandSpec {
  name: string;
  summary: Text;
  /** Positional arguments shown in the usage line, e.g. {zh:'<账号编号>', en:'<account id>'}. */
  args?: Text;
  /** How many positionals the command takes: none (default), exactly one, or any number. */
  positionals?: 'none' | 'one' | 'many';
  /** Longer explanation printed after the usage line. */
  description?: Text;
  options: Record<string, OptionSpec>;
  exitCodes: { code: 0 | 1 | 2; text: Text }[];
}

// ---------------------------------------------------------------- options used by several commands

const t = (zh: string, en: string): Text => ({ zh, en });

const LANG: OptionSpec = { type: 'string', arg: t('zh|en', 'zh|en'), help: t('输出语言（默认中文）', 'output language (default zh)') };
const NOW: OptionSpec = { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('以该日期为“今天”（默认今天，北京时间；用于测试和回放）', 'judge as of that date (default today in Beijing; for tests and replays)') };
const ROOT: OptionSpec = { type: 'string', arg: t('<目录>', '<dir>'), help: t('登记簿所在目录（含 accounts/，默认当前目录）', 'folder holding accounts/ (default: the current folder)') };
const OUT_FILE: OptionSpec = { type: 'string', arg: t('<文件>', '<file>'), help: t('写入文件（默认输出到屏幕）', 'write to a file (default: print)') };
const HELP: OptionSpec = { type: 'boolean', short: 'h', help: t('显示本帮助', 'show this help') };
const REPO: OptionSpec = { type: 'string', arg: t('<目录>', '<dir>'), help: t('Git 仓库目录（默认当前目录）', 'Git repository (default: the current folder)') };
const fmt = (formats: string[], dflt: string): OptionSpec => ({ type: 'string', arg: t(formats.join('|'), formats.join('|')), help: t(`输出格式（默认 ${dflt}）`, `output format (default ${dflt})`) });

const USAGE_ERROR = { code: 2 as const, text: t('用法错误（未知选项、取值不对、缺少参数）', 'usage error (unknown option, bad value, missing argument)') };
const WRITTEN = { code: 0 as const, text: t('已完成', 'done') };

// the scaffolder's options
const SCAFFOLD_COMMON: Record<string, OptionSpec> = {
  date: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('备案日期（默认今天）', 'filing date (default today)') },
  reason: { type: 'string', arg: t('<理由>', '<text>'), help: t('开办理由、变更原因或关停原因', 'the reason for opening, changing or closing') },
  'decision-by': { type: 'string', arg: t('<姓名或会议>', '<who>'), help: t('主办单位意见：谁同意的（主要负责人姓名，或“集体研究”）', "the unit's decision: who agreed (the head of unit, or 集体研究)") },
  'decision-date': { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('主办单位同意的日期（默认同备案日期）', "date the unit agreed (default: the filing date)") },
  yes: { type: 'boolean', short: 'y', help: t('不提问，直接按参数写入', 'ask nothing; write from the flags') },
  root: ROOT,
  now: NOW,
  lang: LANG,
  help: HELP,
};
const PERSON = t('"姓名,职务,办公电话,手机"', '"name,position,office phone,mobile"');
const TEAM: Record<string, OptionSpec> = {
  principal: { type: 'string', arg: PERSON, help: t('主要负责人', 'head of unit') },
  'in-charge': { type: 'string', arg: PERSON, help: t('分管负责人', 'leader in charge') },
  'section-head': { type: 'string', arg: PERSON, help: t('科室负责人', 'section head') },
  operator: { type: 'string', multiple: true, arg: PERSON, help: t('经办人员（可多次）', 'operator (repeatable)') },
  editor: { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('编辑（可多次）', 'editor (repeatable)') },
  reviewer: { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('审核（可多次）', 'reviewer (repeatable)') },
  'final-approver': { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('终审（可多次）', 'final approver (repeatable)') },
};
const OPEN: Record<string, OptionSpec> = {
  unit: { type: 'string', arg: t('<单位编号>', '<unit id>'), help: t('主办单位（默认当前所在的单位文件夹）', 'host unit (default: the unit folder you are in)') },
  platform: { type: 'string', arg: t('<平台>', '<platform>'), help: t('平台：微信公众号、微博、抖音、移动客户端……', 'platform: 微信公众号, 微博, 抖音, 移动客户端…') },
  name: { type: 'string', arg: t('<账号名称>', '<name>'), help: t('账号名称', 'account name') },
  'sub-type': { type: 'string', arg: t('服务号|订阅号|企业号|其他', '服务号|订阅号|企业号|其他'), help: t('微信公众号类型', 'WeChat account type') },
  id: { type: 'string', arg: t('<账号编号>', '<account id>'), help: t('账号编号（默认由单位和平台生成）', 'account id (default: from unit and platform)') },
  'platform-account-id': { type: 'string', arg: t('<平台账号>', '<id>'), help: t('平台上的账号 ID（如微信号、抖音号），供公众查询真伪', 'the account id on the platform, for the public lookup') },
  homepage: { type: 'string', arg: t('<URL>', '<URL>'), help: t('账号主页网址', "the account's home page URL") },
  'content-type': { type: 'string', arg: t('图文|音视频', '图文|音视频'), help: t('内容形式', 'content type') },
  functions: { type: 'string', multiple: true, arg: t('<功能,…>', '<fn,…>'), help: t('功能：信息发布、互动交流、办事服务……', 'functions') },
  'certified-entity': { type: 'string', arg: t('<认证主体>', '<entity>'), help: t('认证主体', 'certified entity') },
  category: { type: 'string', arg: t('<分类>', '<category>'), help: t('认证主体分类', 'certified entity category') },
  'operating-unit': { type: 'string', arg: t('<运营单位>', '<unit>'), help: t('运营单位', 'operating unit') },
  mode: { type: 'string', arg: t('自营|购买服务', '自营|购买服务'), help: t('运营方式', 'operating mode') },
  vendor: { type: 'string', arg: t('<外包单位>', '<vendor>'), help: t('外包单位（购买服务时）', 'vendor (when bought in)') },
  qualification: { type: 'string', multiple: true, arg: t('<资质>', '<qualification>'), help: t('外包单位资质（可多次）', "vendor's qualification (repeatable)") },
  'agreement-date': { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('保密协议签订日期', 'date of the confidentiality agreement') },
  ...TEAM,
  'app-server': { type: 'string', arg: t('<所在地>', '<location>'), help: t('移动客户端：服务器所在地', 'app: server location') },
  'app-server-outside': { type: 'boolean', help: t('移动客户端：服务器不在本地政务云', 'app: server outside the local government cloud') },
  'app-server-abroad': { type: 'boolean', help: t('移动客户端：服务器在境外', 'app: server abroad') },
  'app-exception-decision': { type: 'string', arg: t('<文号>', '<ref>'), help: t('移动客户端：服务器不在本地的批准文件', 'app: approval for a server elsewhere') },
  'app-ipv6': { type: 'boolean', help: t('移动客户端：支持 IPv6', 'app: supports IPv6') },
  'app-aging-friendly': { type: 'boolean', help: t('移动客户端：适老化', 'app: aging-friendly') },
  'app-accessibility': { type: 'boolean', help: t('移动客户端：无障碍', 'app: accessible') },
  ...SCAFFOLD_COMMON,
};
const BACKFILL: Record<string, OptionSpec> = {
  ...OPEN,
  opened: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('平台开通日期（记为“平台注册”事件）', 'date the account was opened on the platform (a 平台注册 event)') },
  certification: { type: 'string', arg: t('未认证|认证中|已认证', '未认证|认证中|已认证'), help: t('平台认证状态', 'platform certification status') },
  'public-info': { type: 'string', arg: t('<认证信息>', '<text>'), help: t('平台公开的认证信息', 'certification info shown on the platform') },
};
const CHANGE: Record<string, OptionSpec> = {
  name: { type: 'string', arg: t('<新名称>', '<name>'), help: t('关键信息：新名称（变更备案）', 'key change: new name (变更备案)') },
  'certified-entity': { type: 'string', arg: t('<新认证主体>', '<entity>'), help: t('关键信息：新认证主体', 'key change: new certified entity') },
  category: { type: 'string', arg: t('<新分类>', '<category>'), help: t('关键信息：新的认证主体分类', 'key change: new category') },
  'host-unit': { type: 'string', arg: t('<单位编号>', '<unit id>'), help: t('关键信息：新的主办单位', 'key change: new host unit') },
  'not-supervised': { type: 'boolean', help: t('变更后不再纳入政务新媒体监管', 'no longer supervised as government new media after the change') },
  ...TEAM,
  phone: { type: 'string', multiple: true, arg: t('"<角色>=办公电话,手机"', '"<role>=office,mobile"'), help: t('非关键信息：更正电话（信息报备；角色：主要负责人、分管负责人、科室负责人、经办人员1…）', 'staff phone change (信息报备)') },
  'credentials-rotated': { type: 'boolean', help: t('经办人员调整时已更换账号口令', 'credentials were changed with the staff change') },
  ...SCAFFOLD_COMMON,
};
const SCAFFOLD_EXIT = [
  { code: 0 as const, text: t('已写入账号文件', 'the account file was written') },
  { code: 1 as const, text: t('拒绝写入（本次修改会引入错误）或已取消；没有写入任何文件（交互运行时已答内容存为草稿）', 'refused (the change would add errors) or cancelled; nothing written (an interactive run keeps its answers in a draft)') },
  USAGE_ERROR,
];

// ---------------------------------------------------------------- the table

export const COMMAND_TABLE: readonly CommandSpec[] = [
  {
    name: 'new',
    summary: t('开设备案：新建账号文件（逐项提问，或用参数加 --yes）', 'open an account: write a new account file (interactive, or flags with --yes)'),
    options: OPEN,
    exitCodes: SCAFFOLD_EXIT,
  },
  {
    name: 'backfill',
    summary: t('补录备案：登记已开通但未备案的账号', 'back-fill an account that exists but was never filed'),
    options: BACKFILL,
    exitCodes: SCAFFOLD_EXIT,
  },
  {
    name: 'change',
    summary: t('变更备案（名称、认证主体、主办单位）或信息报备（人员、电话）', 'key change filing, or staff/phone report'),
    args: t('<账号编号>', '<account id>'),
    positionals: 'one',
    options: CHANGE,
    exitCodes: SCAFFOLD_EXIT,
  },
  {
    name: 'close',
    summary: t('关停备案', 'closure filing'),
    args: t('<账号编号>', '<account id>'),
    positionals: 'one',
    options: SCAFFOLD_COMMON,
    exitCodes: SCAFFOLD_EXIT,
  },
  {
    name: 'validate',
    summary: t('检查登记簿（默认检查本库自带的样例登记簿）', 'check the register (default: the sample register in this repository)'),
    args: t('[路径…]', '[paths…]'),
    positionals: 'many',
    description: t('只列出所给路径下的问题；不给路径时检查整个登记簿。错误阻止合并；警告需要审核人注意；提示仅供参考。', 'Lists the findings under the given paths (default: the whole register). Errors block a merge; warnings need the reviewer\'s attention; notices inform.'),
    options: {
      rule: { type: 'string', multiple: true, arg: t('<规则编号>', '<rule id>'), help: t('只运行这条规则（可多次）', 'run only this rule (repeatable)') },
      jobs: { type: 'string', arg: t('<线程数>|auto', '<n>|auto'), help: t('并行线程数（默认 auto：大登记簿按核数，最多 4 个）', 'threads (default auto: by cores for a large register, at most 4)') },
      'max-warnings': { type: 'string', arg: t('<数量>', '<n>'), help: t('警告超过该数量时也以退出码 1 结束（同 ESLint）', 'also exit 1 when there are more warnings than this (as in ESLint)') },
      format: fmt(['text', 'json'], 'text'),
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [
      { code: 0, text: t('没有错误（只有警告或提示时也是 0）', 'no errors (warnings or notices alone still exit 0)') },
      { code: 1, text: t('有错误，或警告数超过 --max-warnings', 'errors, or more warnings than --max-warnings') },
      USAGE_ERROR,
    ],
  },
  {
    name: 'rules',
    summary: t('列出全部规则及其依据，并可写出 docs/rules.md', 'list every rule with its citation; --write updates docs/rules.md'),
    options: { write: { type: 'boolean', help: t('写出 docs/rules.md', 'write docs/rules.md') }, format: fmt(['text', 'json'], 'text'), lang: LANG, help: HELP },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
  {
    name: 'check-pr',
    summary: t('检查一个合并请求（用基准分支的规则判断其改动，给出审批要求和期限）', "check a pull request with the base branch's rules; approvals and deadlines"),
    options: {
      base: { type: 'string', arg: t('<分支或提交>', '<ref>'), help: t('基准分支（必填）', 'base branch (required)') },
      head: { type: 'string', arg: t('<分支或提交>', '<ref>'), help: t('合并请求的分支（必填）', 'the pull request branch (required)') },
      repo: REPO,
      engine: { type: 'string', arg: t('base|self', 'base|self'), help: t('用基准提交的检查程序（默认 base）或当前程序（self）', "judge with the base commit's engine (default) or this one (self)") },
      'engine-commit': { type: 'string', arg: t('<提交>', '<sha>'), help: t('（内部使用）检查程序所在的基准提交', '(internal) the base commit the engine came from') },
      labels: { type: 'string', multiple: true, arg: t('<标签>', '<label>'), help: t('合并请求的标签（可多次或用逗号分隔）', 'pull request labels (repeatable or comma-separated)') },
      format: fmt(['text', 'json', 'markdown', 'gitlab'], 'text'),
      summary: { type: 'string', arg: t('<文件>', '<file>'), help: t('另写出 Markdown 摘要', 'also write a Markdown summary') },
      record: { type: 'string', arg: t('<文件>', '<file>'), help: t('写出检查记录（供 check-approvals 使用）', 'write the decision record (for check-approvals)') },
      gitlab: { type: 'string', arg: t('<文件>', '<file>'), help: t('写出 GitLab Code Quality 报告', 'write a GitLab Code Quality report') },
      forms: { type: 'string', arg: t('<目录>', '<dir>'), help: t('写出本次备案的备案表', 'write the filing forms of this change') },
      annotations: { type: 'boolean', help: t('输出 GitHub Actions 注释', 'print GitHub Actions annotations') },
      visibility: { type: 'string', arg: t('public|private', 'public|private'), help: t('仓库是否公开（默认取环境变量 GOVMEDIA_REPO_PRIVATE，不明时按公开处理：公开输出不含人员姓名和电话）', 'whether the repository is public (default from GOVMEDIA_REPO_PRIVATE; unknown counts as public: public outputs carry no staff names or phones)') },
      now: NOW,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('可以合并（可能仍需批准）', 'may be merged (approvals may still be needed)') }, { code: 1, text: t('有阻止合并的错误', 'errors block the merge') }, USAGE_ERROR],
  },
  {
    name: 'check-approvals',
    summary: t('核对合并请求的审批是否齐全（本单位、主管单位、维护者）', 'check that a pull request carries the approvals it needs'),
    options: {
      record: { type: 'string', arg: t('<文件>', '<file>'), help: t('check-pr --record 写出的检查记录（必填）', 'the decision record written by check-pr --record (required)') },
      reviews: { type: 'string', arg: t('<文件>', '<file>'), help: t('评审列表（按 GitHub API 格式保存）', 'reviews, as saved from the GitHub API') },
      teams: { type: 'string', arg: t('<文件>', '<file>'), help: t('团队成员：{"@组织/团队": [成员…]}', 'team members: {"@org/team": [members…]}') },
      author: { type: 'string', arg: t('<登录名>', '<login>'), help: t('合并请求的作者', 'the pull request author') },
      'head-sha': { type: 'string', arg: t('<提交>', '<sha>'), help: t('合并请求当前的提交；针对其他提交的批准不计入', 'the current head; approvals of other commits do not count') },
      repo: { type: 'string', arg: t('<所有者/仓库>', '<owner/name>'), help: t('在线读取（与 --pr 一起）', 'read online (with --pr)') },
      pr: { type: 'string', arg: t('<编号>', '<number>'), help: t('合并请求编号', 'pull request number') },
      'allow-stale': { type: 'boolean', help: t('计入针对较早提交的批准', 'count approvals of earlier commits') },
      format: fmt(['text', 'json'], 'text'),
      forge: { type: 'string', arg: t('github|gitea|gitlab', 'github|gitea|gitlab'), help: t('代码托管平台（默认按环境判断：Gitea Actions、GitLab CI，否则 GitHub；也可用 GOVMEDIA_FORGE）', 'the forge (default from the environment: Gitea Actions, GitLab CI, else GitHub; or GOVMEDIA_FORGE)') },
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('审批已齐全', 'approvals complete') }, { code: 1, text: t('审批不齐全', 'approvals missing') }, { code: 2, text: t('用法错误或无法读取', 'usage error, or nothing could be read') }],
  },
  {
    name: 'form',
    summary: t('填写并输出备案表（自贡附件1—3、六安备案登记表、其他地方通用备案表），HTML 或 Word', 'fill in the filing form of a filing (HTML or .docx) to print, sign and seal'),
    args: t('<账号编号>', '<account id>'),
    positionals: 'one',
    description: t('备案表含工作人员姓名和电话，只供内部备案使用，不得公开。', 'Forms hold staff names and phones: for internal filing only, never published.'),
    options: {
      event: { type: 'string', arg: t('<序号>', '<n>'), help: t('第几个事件（从 1 开始；须为开设、补录、变更或关停备案），默认最近一次备案', 'which event (from 1; a filing event), default the latest filing') },
      format: fmt(['html', 'docx'], 'html'),
      out: { type: 'string', arg: t('<文件或目录>', '<file or dir>'), help: t('输出文件或目录（HTML 默认输出到屏幕）', 'output file or folder (HTML default: print)') },
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, { code: 1, text: t('该事件没有备案表', 'no form for that event') }, USAGE_ERROR],
  },
  {
    name: 'history',
    summary: t('账号的备案档案：来自 Git 历史的每一次修改（跟随迁移）', "an account's case file: every change from Git history, following moves"),
    args: t('<账号编号>', '<account id>'),
    positionals: 'one',
    options: { repo: REPO, rev: { type: 'string', arg: t('<提交>', '<rev>'), help: t('读到该提交为止（默认 HEAD）', 'up to this commit (default HEAD)') }, format: fmt(['text', 'json'], 'text'), lang: LANG, help: HELP },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
  {
    name: 'audit',
    summary: t('回放主分支历史，按当时有效的办法检查每个提交，列出违规提交', 'replay main and list every commit that broke a rule in force at its date'),
    options: {
      since: { type: 'string', arg: t('<提交>', '<rev>'), help: t('从该提交之后开始', 'start after this commit') },
      rev: { type: 'string', arg: t('<提交>', '<rev>'), help: t('回放到该提交（默认 HEAD）', 'replay up to this commit (default HEAD)') },
      repo: REPO,
      format: fmt(['text', 'json'], 'text'),
      now: NOW,
      record: { type: 'string', arg: t('<文件>', '<file>'), help: t('把审计结果（JSON）写入文件，审计失败时也写出', 'write the audit result (JSON) to a file, also when the audit fails') },
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('没有违规提交', 'no commit broke a rule') }, { code: 1, text: t('有违规提交', 'some commits broke a rule') }, USAGE_ERROR],
  },
  {
    name: 'export',
    summary: t('按全国政务新媒体信息报送系统字段导出登记簿（CSV/XLSX/JSON；--public 为不含个人信息的公开版）', "export the register in the national reporting system's fields (csv/xlsx/json; --public: no personal data)"),
    options: {
      format: fmt(['csv', 'xlsx', 'json'], 'csv'),
      public: { type: 'boolean', help: t('公开版：不含任何人员姓名、职务、电话和内部信息', 'public version: no names, positions, phones or internal information') },
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
  {
    name: 'site',
    summary: t('生成政务新媒体备案公示网站（只含公开信息）', 'build the public registry site (public data only)'),
    options: { out: { type: 'string', arg: t('<目录>', '<dir>'), help: t('输出目录（默认 site-dist）', 'output folder (default site-dist)') }, now: NOW, root: ROOT, lang: LANG, help: HELP },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
  {
    name: 'monitor',
    summary: t('合规监测：按日期列出逾期和即将到期的事项（按主管单位分组）', 'compliance monitor: what is overdue or due soon on a date, by supervising office'),
    description: t('有运行数据时还检查更新频率、原创和留言答复；报告写明运行数据的日期，数据过旧时给出提醒。', 'With an activity snapshot it also checks updates, originality and replies; the report states the snapshot\'s date and warns when it is stale.'),
    options: {
      activity: { type: 'string', arg: t('<文件>', '<file>'), help: t('运行数据快照（.csv 或 .json，列见 scripts/monitor/README.md）', 'activity snapshot (.csv or .json; see scripts/monitor/README.md)') },
      'stale-days': { type: 'string', arg: t('<天数>', '<days>'), help: t('运行数据早于该天数即视为过旧：提醒并不用于评判（默认 7 天，运维默认值，非办法规定）', 'a snapshot older than this is stale: warned about and not used (default 7; an operational default, not a rule)') },
      soon: { type: 'string', arg: t('<工作日数>', '<working days>'), help: t('“即将到期”的范围（默认 5 个工作日）', '"due soon" window (default 5 working days)') },
      format: fmt(['markdown', 'html', 'json'], 'markdown'),
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('没有逾期事项', 'nothing overdue') }, { code: 1, text: t('有逾期事项', 'something is overdue') }, USAGE_ERROR],
  },
  {
    name: 'score',
    summary: t('考核评分：按指标目录为账号和单位打分、分类排名', 'inspection scoring: accounts and units, ranked per class'),
    description: t('报告写明运行数据的日期；没有运行数据或数据过旧时给出提醒，不按 0 分计。', "The report states the activity snapshot's date; without a snapshot, or with a stale one, it warns instead of scoring 0."),
    options: {
      activity: { type: 'string', arg: t('<文件>', '<file>'), help: t('运行数据快照（.csv 或 .json）', 'activity snapshot (.csv or .json)') },
      'stale-days': { type: 'string', arg: t('<天数>', '<days>'), help: t('运行数据早于该天数即视为过旧：提醒并不用于评判（默认 7 天，运维默认值，非办法规定）', 'a snapshot older than this is stale: warned about and not used (default 7; an operational default, not a rule)') },
      inspection: { type: 'string', arg: t('<文件>', '<file>'), help: t('人工检查结果（JSON，格式见 scripts/monitor/README.md）', 'manual inspection results (JSON; see scripts/monitor/README.md)') },
      format: fmt(['html', 'json'], 'html'),
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('已生成（评分不是合格判断）', 'written (scores are not pass/fail)') }, USAGE_ERROR],
  },
  {
    name: 'reconcile',
    summary: t('与全国政务新媒体信息报送系统的导出核对', 'reconcile the register with the national reporting system export'),
    options: {
      national: { type: 'string', arg: t('<文件>', '<file>'), help: t('报送系统导出的 CSV（UTF-8 或 GBK）或 .xlsx（必填）', 'the national system export, CSV (UTF-8 or GBK) or .xlsx (required)') },
      format: fmt(['markdown', 'html', 'json'], 'markdown'),
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('一致', 'consistent') }, { code: 1, text: t('有差异', 'differences found') }, USAGE_ERROR],
  },
  {
    name: 'import',
    summary: t('导入存量账号：读取报送系统导出或任意表格，写出单位和补录的账号文件', "import a city's existing accounts from the national export or any sheet"),
    args: t('<表格.xlsx|表格.csv>', '<sheet.xlsx|sheet.csv>'),
    positionals: 'one',
    description: t('表格中没有的事实记为未知（"未知"或不填并列入 unknown），从不编造；每个账号记一个以 --now 为日期的“补录备案”，表格有开通日期时另记“平台注册”。同一表格再次导入不改动任何文件。', 'Facts the sheet lacks are recorded as unknown, never invented; each account gets a 补录备案 dated --now, and a 平台注册 on its real date where the sheet has it. Importing the same sheet again changes nothing.'),
    options: {
      region: { type: 'string', arg: t('<地区编号>', '<region id>'), help: t('单位所在的地区，例如 anhui/luan（必填）', 'the region of the units, e.g. anhui/luan (required)') },
      map: { type: 'string', arg: t('<映射.json>', '<mapping.json>'), help: t('列名映射文件（任意表格），可补充单位别名和单位类型', 'column mapping for any sheet; may add unit aliases and kinds') },
      'dry-run': { type: 'boolean', help: t('只列出将写入的文件，不写入', 'list the files it would write; write nothing') },
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('已导入（或试运行）', 'imported (or dry run)') }, { code: 1, text: t('有的行无法导入（带表格、行、列的检查结果）', 'some rows could not be imported (findings name sheet, row, column)') }, USAGE_ERROR],
  },
  {
    name: 'baseline',
    summary: t('接入基线：把接入时已有的问题记为整改清单，不再阻断检查', 'adoption baseline: record the findings present on adoption as the rectification list'),
    description: t('写出 policies/baseline.json（按文件 + 规则 + 数量，不按行号），由维护者审核；列入的问题仍然列出，但不阻断；--prune 只会删去已整改的条目。', 'Writes policies/baseline.json (by file + rule + count, never by line), reviewed by the maintainers; baselined findings are still listed but do not block; --prune only removes fixed items.'),
    options: {
      due: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('整改期限（由主管单位确定）', 'the rectification due date (set by the supervising office)') },
      prune: { type: 'boolean', help: t('只删去已整改的条目，不增加新条目', 'only remove fixed items; never add') },
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
  {
    name: 'gen-codeowners',
    summary: t('由登记簿中的审核人生成 .github/CODEOWNERS（--check 检查是否过期）', 'generate .github/CODEOWNERS from the reviewers in the register (--check: fail if stale)'),
    options: {
      check: { type: 'boolean', help: t('不写文件，只检查已提交的文件是否与登记簿一致', 'do not write; check the committed file is current') },
      root: { type: 'string', arg: t('<目录>', '<dir>'), help: t('登记簿所在目录（默认：当前目录含 accounts/ 时为当前目录，否则为本程序目录）', 'folder holding accounts/ (default: the current folder if it has accounts/, else the engine)') },
      out: { type: 'string', arg: t('<文件>', '<file>'), help: t('输出文件（默认 <目录>/.github/CODEOWNERS）', 'output file (default <dir>/.github/CODEOWNERS)') },
      lang: LANG,
      help: HELP,
    },
    exitCodes: [{ code: 0, text: t('已写出，或未过期', 'written, or current') }, { code: 1, text: t('已过期（--check）', 'stale (--check)') }, { code: 2, text: t('用法错误或无法写出', 'usage error, or cannot write') }],
  },
  {
    name: 'gen-types',
    summary: t('由 schemas/ 重新生成 TypeScript 类型和预编译的校验函数', 'regenerate TypeScript types and precompiled validators from schemas/'),
    options: { lang: LANG, help: HELP },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMAND_TABLE.find((c) => c.name === name);
}

/** The node:util parseArgs options of a command, from the table. */
export function parseOptionsOf(name: string): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  const spec = commandSpec(name);
  if (!spec) throw new Error(`no such command in the table: ${name}`);
  const out: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [k, o] of Object.entries(spec.options)) out[k] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  return out;
}

const L = {
  usage: t('用法', 'Usage'),
  options: t('选项', 'Options'),
  exit: t('退出码', 'Exit codes'),
  commands: t('命令', 'Commands'),
  opts: t('[选项]', '[options]'),
};

/** Width of a string in terminal columns (CJK and full-width forms count two). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(1, n - width(s)));
}

const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

/** A command's --help: usage, description, every option, the exit codes. */
export function commandHelp(name: string, lang: Lang): string {
  const spec = commandSpec(name);
  if (!spec) throw new Error(`no such command in the table: ${name}`);
  const lines = [`${L.usage[lang]}${colon(lang)}govmedia ${spec.name}${spec.args ? ' ' + spec.args[lang] : ''} ${L.opts[lang]}`, '', spec.summary[lang]];
  if (spec.description) lines.push(spec.description[lang]);
  lines.push('', `${L.options[lang]}${colon(lang)}`);
  const rows = Object.entries(spec.options).map(([k, o]) => [`  ${o.short ? `-${o.short}, ` : ''}--${k}${o.arg ? ' ' + o.arg[lang] : ''}`, o.help[lang]] as const);
  const w = Math.min(44, Math.max(...rows.map(([a]) => width(a))) + 2);
  for (const [a, b] of rows) lines.push(width(a) + 1 > w ? `${a}\n${' '.repeat(w)}${b}` : `${pad(a, w)}${b}`);
  lines.push('', `${L.exit[lang]}${colon(lang)}`);
  for (const e of spec.exitCodes) lines.push(`  ${e.code}  ${e.text[lang]}`);
  return lines.join('\n');
}

/** govmedia --help: every command and the exit codes. */
export function globalHelp(lang: Lang, version: string): string {
  const lines = [`govmedia ${version}`, `${L.usage[lang]}${colon(lang)}govmedia <${lang === 'zh' ? '命令' : 'command'}> ${L.opts[lang]}`, '', `${L.commands[lang]}${colon(lang)}`];
  for (const c of COMMAND_TABLE) lines.push(`  ${c.name.padEnd(16)} ${c.summary[lang]}`);
  lines.push(
    '',
    lang === 'zh' ? '每个命令的选项和退出码：govmedia <命令> --help。所有命令都接受 --lang zh|en。' : 'Options and exit codes of a command: govmedia <command> --help. Every command takes --lang zh|en.',
    lang === 'zh' ? '  --version         显示版本' : '  --version         print the version',
    '',
    `${L.exit[lang]}${colon(lang)}`,
    lang === 'zh' ? '  0  没有问题    1  有检查结果（各命令的含义见其 --help）    2  用法错误' : '  0  clean    1  findings (see each command\'s --help)    2  usage error',
  );
  return lines.join('\n');
}
