/**
 * 命令表：全部命令及其选项、参数、退出码只在这里写一次；由它生成参数解析（node:util parseArgs 的配置）、
 * 每个命令的 --help（中文在前，--lang en 为英文）和 govmedia --help。新增一个命令就是在 COMMAND_TABLE 里加一项。
 *
 * The command table: every command, its options, arguments and exit codes, written once. Parsing
 * (the node:util parseArgs config), each command's --help (Chinese first, English with --lang en) and
 * the global --help are generated from it. Adding a command is one entry in COMMAND_TABLE.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../core/finding.ts';
import { parseArgsError } from '../core/cli-args.ts';

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
  options: Readonly<Record<string, OptionSpec>>;
  exitCodes: readonly { code: 0 | 1 | 2; text: Text }[];
}

// ---------------------------------------------------------------- options used by several commands

const t = (zh: string, en: string): Text => ({ zh, en });

const LANG = { type: 'string', arg: t('zh|en', 'zh|en'), help: t('输出语言（默认中文）', 'output language (default zh)') } satisfies OptionSpec;
const NOW = { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('以该日期为“今天”（默认今天，北京时间；用于测试和回放）', 'judge as of that date (default today in Beijing; for tests and replays)') } satisfies OptionSpec;
const ROOT = { type: 'string', arg: t('<目录>', '<dir>'), help: t('登记簿所在目录（含 accounts/，默认当前目录）', 'folder holding accounts/ (default: the current folder)') } satisfies OptionSpec;
const OUT_FILE = { type: 'string', arg: t('<文件>', '<file>'), help: t('写入文件（默认输出到屏幕）', 'write to a file (default: print)') } satisfies OptionSpec;
const HELP = { type: 'boolean', short: 'h', help: t('显示本帮助', 'show this help') } satisfies OptionSpec;
const REPO = { type: 'string', arg: t('<目录>', '<dir>'), help: t('Git 仓库目录（默认当前目录）', 'Git repository (default: the current folder)') } satisfies OptionSpec;
const fmt = (formats: string[], dflt: string) => ({ type: 'string' as const, arg: t(formats.join('|'), formats.join('|')), help: t(`输出格式（默认 ${dflt}）`, `output format (default ${dflt})`) }) satisfies OptionSpec;

/** The activity snapshot, read by monitor and score alike. */
const ACTIVITY = {
  activity: { type: 'string', arg: t('<文件>', '<file>'), help: t('运行数据快照（.csv 或 .json，列见 scripts/monitor/README.md）', 'activity snapshot (.csv or .json; see scripts/monitor/README.md)') },
  'stale-days': { type: 'string', arg: t('<天数>', '<days>'), help: t('运行数据早于该天数即视为过旧：提醒并不用于评判（默认 7 天，运维默认值，非办法规定）', 'a snapshot older than this is stale: warned about and not used (default 7; an operational default, not a rule)') },
} satisfies Record<string, OptionSpec>;

const USAGE_ERROR = { code: 2 as const, text: t('用法错误（未知选项、取值不对、缺少参数）', 'usage error (unknown option, bad value, missing argument)') };
const WRITTEN = { code: 0 as const, text: t('已完成', 'done') };
const SOME_LEFT_OUT = { code: 1 as const, text: t('已完成，但登记簿中有文件未通过检查，没有收录（已提示）', 'done, but register files that fail the checks were left out (with a note)') };

// the scaffolder's options
/** What every scaffold command takes besides its own questions (record takes only these). */
const SCAFFOLD_RUN = {
  yes: { type: 'boolean', short: 'y', help: t('不提问，直接按参数写入', 'ask nothing; write from the flags') },
  root: ROOT,
  now: NOW,
  lang: LANG,
  help: HELP,
} satisfies Record<string, OptionSpec>;
const SCAFFOLD_COMMON = {
  date: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('备案日期（默认今天）', 'filing date (default today)') },
  reason: { type: 'string', arg: t('<理由>', '<text>'), help: t('开办理由、变更原因或关停原因', 'the reason for opening, changing or closing') },
  'decision-by': { type: 'string', arg: t('<姓名或会议>', '<who>'), help: t('主办单位意见：谁同意的（主要负责人姓名，或“集体研究”）', "the unit's decision: who agreed (the head of unit, or 集体研究)") },
  'decision-date': { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('主办单位同意的日期（默认同备案日期）', "date the unit agreed (default: the filing date)") },
  ...SCAFFOLD_RUN,
} satisfies Record<string, OptionSpec>;
/** 原则上 rules with a justification path (policy/types.ts Rule.justification): the reason the filing records for the exception. */
const JUSTIFICATION = {
  justification: {
    type: 'string',
    arg: t('<例外理由>', '<text>'),
    help: t('“原则上”条款的例外理由（写入备案事件的 justification，须经主管单位在审核中同意；只在有规则需要时使用）', 'the justification for an exception to a rule that holds "in principle" (written on the filing; the supervising office must approve it in review)'),
  },
} satisfies Record<string, OptionSpec>;
const PERSON = t('"姓名,职务,办公电话,手机"', '"name,position,office phone,mobile"');
const TEAM = {
  principal: { type: 'string', arg: PERSON, help: t('主要负责人', 'head of unit') },
  'in-charge': { type: 'string', arg: PERSON, help: t('分管负责人', 'leader in charge') },
  'section-head': { type: 'string', arg: PERSON, help: t('科室负责人', 'section head') },
  operator: { type: 'string', multiple: true, arg: PERSON, help: t('经办人员（可多次）', 'operator (repeatable)') },
  editor: { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('编辑（可多次）', 'editor (repeatable)') },
  reviewer: { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('审核（可多次）', 'reviewer (repeatable)') },
  'final-approver': { type: 'string', multiple: true, arg: t('<姓名>', '<name>'), help: t('终审（可多次）', 'final approver (repeatable)') },
} satisfies Record<string, OptionSpec>;
const OPEN = {
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
  ...JUSTIFICATION,
  ...SCAFFOLD_COMMON,
} satisfies Record<string, OptionSpec>;
const BACKFILL = {
  ...OPEN,
  opened: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('平台开通日期（记为“平台注册”事件）', 'date the account was opened on the platform (a 平台注册 event)') },
  certification: { type: 'string', arg: t('未认证|认证中|已认证', '未认证|认证中|已认证'), help: t('平台认证状态', 'platform certification status') },
  'public-info': { type: 'string', arg: t('<认证信息>', '<text>'), help: t('平台公开的认证信息', 'certification info shown on the platform') },
} satisfies Record<string, OptionSpec>;
const CHANGE = {
  name: { type: 'string', arg: t('<新名称>', '<name>'), help: t('关键信息：新名称（变更备案）', 'key change: new name (变更备案)') },
  'certified-entity': { type: 'string', arg: t('<新认证主体>', '<entity>'), help: t('关键信息：新认证主体', 'key change: new certified entity') },
  category: { type: 'string', arg: t('<新分类>', '<category>'), help: t('关键信息：新的认证主体分类', 'key change: new category') },
  'host-unit': { type: 'string', arg: t('<单位编号>', '<unit id>'), help: t('关键信息：新的主办单位', 'key change: new host unit') },
  'not-supervised': { type: 'boolean', help: t('变更后不再纳入政务新媒体监管', 'no longer supervised as government new media after the change') },
  ...TEAM,
  phone: { type: 'string', multiple: true, arg: t('"<角色>=办公电话,手机"', '"<role>=office,mobile"'), help: t('非关键信息：更正电话（信息报备；角色：主要负责人、分管负责人、科室负责人、经办人员1…）', 'staff phone change (信息报备)') },
  'credentials-rotated': { type: 'boolean', help: t('经办人员调整时已更换账号口令', 'credentials were changed with the staff change') },
  'confidentiality-undertaking': { type: 'boolean', help: t('离岗人员已作出保密承诺（綦江 第二十三条；不给出时不记录）', 'the leaver gave a confidentiality undertaking (not recorded unless given)') },
  'incoming-vetted': { type: 'boolean', help: t('接手人员上岗前已通过保密审查并完成岗前培训（六安 第三十二条（二）；不给出时不记录）', 'the incoming operator was vetted and trained before the post (not recorded unless given)') },
  ...JUSTIFICATION,
  ...SCAFFOLD_COMMON,
} satisfies Record<string, OptionSpec>;
const SCAFFOLD_EXIT = [
  { code: 0 as const, text: t('已写入账号文件', 'the account file was written') },
  { code: 1 as const, text: t('拒绝写入（本次修改会引入错误）或已取消；没有写入任何文件（交互运行时已答内容存为草稿）', 'refused (the change would add errors) or cancelled; nothing written (an interactive run keeps its answers in a draft)') },
  USAGE_ERROR,
];

// ---------------------------------------------------------------- the table

export const COMMAND_TABLE = [
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
    name: 'record',
    summary: t('追加一条记录：密码更换，或资料留存（事后登记已保存备查的资料）', 'append a record: a password change, or kept material (资料留存)'),
    args: t('<账号编号>', '<account id>'),
    positionals: 'one',
    description: t(
      '不是备案的事件由主办单位直接追加：密码更换（只记录日期和确认人职务，绝不记录密码）；资料留存（自府办函〔2021〕62号 第十一条：开设、关停阶段保存的聊天记录、截图等资料的存放位置）。写入前按适用的管理办法检查。',
      'Events that are not filings, appended by the host unit: a password change (date and the attesting role only, never the password); kept material (where the chat logs and screenshots of a stage are kept). Judged by the measures that apply before anything is written.',
    ),
    options: {
      type: { type: 'string', arg: t('密码更换|资料留存', '密码更换|资料留存'), help: t('记录的类型', 'what to record') },
      date: { type: 'string', arg: t('YYYY-MM-DD', 'YYYY-MM-DD'), help: t('日期（默认今天）', 'date (default today)') },
      'attested-by': { type: 'string', arg: t('<职务>', '<role>'), help: t('密码更换：确认人的职务（不写姓名，不写密码）', 'password change: the attesting role (no name, never the password)') },
      justification: { type: 'string', arg: t('<理由>', '<text>'), help: t('密码更换：未按期更换的理由（“原则上”条款的例外，由主管单位在合并请求中审核）', 'password change: why it was late (an exception to a 原则上 clause, approved by the supervising office in review)') },
      stage: { type: 'string', arg: t('开设|变更|关停|补录', '开设|变更|关停|补录'), help: t('资料留存：资料属于哪一阶段', 'kept material: which stage it belongs to') },
      evidence: { type: 'string', multiple: true, arg: t('"<种类>=<位置>"', '"<kind>=<where>"'), help: t('资料留存：种类（聊天记录、公告截图、公告链接、注销完成截图、下架截图、批复文件、其他）和位置（档案号或网址），可多次', 'kept material: kind and location (archive number or URL), repeatable') },
      note: { type: 'string', arg: t('<备注>', '<text>'), help: t('备注（不写个人信息）', 'note (no personal data)') },
      ...SCAFFOLD_RUN,
    },
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
      jobs: { type: 'string', arg: t('<线程数>|auto', '<n>|auto'), help: t('并行线程数（默认 auto：少于 4 核时 1 个；4 核及以上的大登记簿按核数，最多 4 个）', 'threads (default auto: 1 below 4 cores; from 4 cores, for a large register, one per core, at most 4)') },
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
    description: t(
      '离线：--record 加 --reviews、--author（可加 --teams、--head-sha）；在线：--record 加 --repo、--pr。各组须有一人批准且组内无人要求修改，作者本人的批准不计。离线读取按 GitHub API 格式保存的文件（GitLab 为批准接口 …/merge_requests/:iid/approvals 的响应）；在线时 github 用 GITHUB_TOKEN 访问 GITHUB_API_URL（读取团队成员需要 read:org），gitea 读取 GITEA_API_URL 与 GITEA_TOKEN，gitlab 读取 CI_API_V4_URL（或 GITLAB_API_URL）与 GITLAB_TOKEN（--repo 写作 群组/项目，--pr 为 iid）。在线时针对较早提交的批准不计入（--allow-stale 可计入）。',
      "Offline: --record with --reviews and --author (optionally --teams, --head-sha); online: --record with --repo and --pr. Each group needs one approval and no outstanding change request; the author's own approval never counts. Offline files are in the shape of the GitHub API (for GitLab the approvals response of .../merge_requests/:iid/approvals); online, github uses GITHUB_TOKEN against GITHUB_API_URL (team members need read:org), gitea reads GITEA_API_URL and GITEA_TOKEN, gitlab reads CI_API_V4_URL (or GITLAB_API_URL) and GITLAB_TOKEN (--repo is group/project, --pr the iid). Online, approvals of older commits do not count (--allow-stale counts them).",
    ),
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
    description: t(
      '自贡（四川省自贡市及所辖区县）：附件1 开设备案表（开设、补录）、附件2 关停备案表、附件3 信息变更备案表；六安（安徽省六安市及所辖县区）：六安市政务新媒体备案登记表；其他地方：通用政务新媒体备案表（写明该地办法的备案条款）。--format 不写时按 --out 的扩展名判断；HTML 不写 --out 时输出到屏幕，docx 不写 --out 时写到当前目录。备案表含工作人员姓名和电话，只供内部备案使用，不得公开。',
      "自贡 (Zigong and its districts): annex 1 opening (also back-filing), annex 2 closure, annex 3 change; 六安 (Lu'an and its counties): the 六安市政务新媒体备案登记表; elsewhere a generic form citing the filing article of the local measures. Without --format the --out extension decides; HTML without --out is printed, docx without --out goes to the current folder. Forms hold staff names and phones: for internal filing only, never published. The form itself is the official Chinese form; --lang only changes the messages.",
    ),
    options: {
      event: { type: 'string', arg: t('<序号>', '<n>'), help: t('第几个事件（从 1 开始；须为开设、补录、变更或关停备案），默认最近一次备案', 'which event (from 1; a filing event), default the latest filing') },
      format: fmt(['html', 'docx'], 'html'),
      out: { type: 'string', arg: t('<文件或目录>', '<file or dir>'), help: t('输出文件或目录（HTML 默认输出到屏幕）', 'output file or folder (HTML default: print)') },
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, { code: 1, text: t('账号文件未通过登记簿检查，无法填写（列出问题）', 'the account file does not pass the register checks (the findings are listed)') }, USAGE_ERROR],
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
    description: t('字段参照六政办秘〔2021〕148号 第十四条。csv 为 UTF-8 带 BOM（Excel、WPS 可直接打开）；xlsx 须同时给出 --out。--now 为数据日期：只计入该日及以前的事件。未通过检查的文件不导出（退出码 1 并提示）。', "Fields follow 六政办秘〔2021〕148号 article 14. csv is UTF-8 with a BOM (opens in Excel and WPS); xlsx needs --out. --now is the data date: only events on or before it count. Files that fail the checks are not exported (exit 1 with a note)."),
    options: {
      format: fmt(['csv', 'xlsx', 'json'], 'csv'),
      public: { type: 'boolean', help: t('公开版：不含任何人员姓名、职务、电话和内部信息', 'public version: no names, positions, phones or internal information') },
      out: OUT_FILE,
      now: NOW,
      root: ROOT,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, SOME_LEFT_OUT, USAGE_ERROR],
  },
  {
    name: 'site',
    summary: t('生成政务新媒体备案公示网站（只含公开信息）', 'build the public registry site (public data only)'),
    description: t('由登记簿的公开导出生成（账号查询、账号真伪查询），另附备案助手（assistant/index.html）；不含任何个人信息。index.html 可直接双击打开，也可放在任何静态网站上。', "Built from the register's public export (search, is this account official?) with the filing assistant beside it (assistant/index.html); no personal data. index.html opens from disk or from any static host."),
    options: { out: { type: 'string', arg: t('<目录>', '<dir>'), help: t('输出目录（默认 site-dist）', 'output folder (default site-dist)') }, now: NOW, root: ROOT, lang: LANG, help: HELP },
    exitCodes: [WRITTEN, SOME_LEFT_OUT, USAGE_ERROR],
  },
  {
    name: 'monitor',
    summary: t('合规监测：按日期列出逾期和即将到期的事项（按主管单位分组）', 'compliance monitor: what is overdue or due soon on a date, by supervising office'),
    description: t('有运行数据时还检查更新频率、原创和留言答复；报告写明运行数据的日期，数据过旧时给出提醒。', 'With an activity snapshot it also checks updates, originality and replies; the report states the snapshot\'s date and warns when it is stale.'),
    options: {
      ...ACTIVITY,
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
      ...ACTIVITY,
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
    description: t('把登记簿与报送系统的导出逐个比对：报送系统有、登记簿无（须补录），登记簿有、报送系统无，登记簿已关停而报送系统仍为“正常”，名称、主办单位、开设主体不一致；按主管单位分组列出。本库 export 的导出也可直接核对；列见 scripts/monitor/README.md。', "Compares the register with the national system's export: there but not here (backfill needed), here but not there, closed here but active there, differing names, host units and certified entities; grouped by supervising office. The register's own export reads too; columns in scripts/monitor/README.md."),
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
    description: t(
      '读取全国政务新媒体信息报送系统导出的 Excel 或 CSV（UTF-8 或 GBK），按主办单位归并（全称、简称、带不带省市前缀、映射文件中的别名），生成拼音编号，写出单位文件和账号文件。表格中没有的事实记为未知（"未知"或不填并列入 unknown），从不编造；联系人、手机等个人信息列不读取。每个账号记一个以 --now 为日期的“补录备案”，表格有开通日期时另记“平台注册”。同一表格再次导入不改动任何文件。\n' +
        '可识别的列：账号名称、平台类型、主办单位、报送系统状态、开设主体、认证主体分类、账号ID、URL、开通时间、地区、单位类型、行政层级、平台子类型、运营单位、运营模式、内容类型（及常见别名）；“地区”列或单位名称中的县区名会把单位放到其下的地区。\n' +
        '映射文件：{"sheet": "工作表", "columns": {"name": "公众号名称", "host": "单位"}, "aliases": {"六安市城市管理局": ["六安市城管局"]}, "units": {"某单位": {"kind": "政府部门"}}}',
      "Reads the national reporting system's export (xlsx, or CSV in UTF-8 or GBK), groups hosts into units (full and short names, region prefixes, aliases from the mapping), makes pinyin ids and writes unit and account files. Facts the sheet lacks are recorded as unknown, never invented; contact and phone columns are never read. Each account gets a 补录备案 dated --now, and a 平台注册 on its real date where the sheet has it. Importing the same sheet again changes nothing.\n" +
        'Columns recognised: 账号名称, 平台类型, 主办单位, 报送系统状态, 开设主体, 认证主体分类, 账号ID, URL, 开通时间, 地区, 单位类型, 行政层级, 平台子类型, 运营单位, 运营模式, 内容类型 (and common aliases); a 地区 column or a county name in the unit name places the unit in that region.\n' +
        'Mapping file: {"sheet": "...", "columns": {"name": "...", "host": "..."}, "aliases": {"unit": ["alias"]}, "units": {"unit": {"kind": "政府部门"}}}',
    ),
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
      out: { type: 'string', arg: t('<文件>', '<file>'), help: t('写入该文件（默认本程序所在仓库的 policies/baseline.json）', "write there (default policies/baseline.json of this program's repository)") },
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
    name: 'name-index',
    summary: t('为某一提交建立账号名称索引（仿冒检查用，存入 .git/govmedia/names/，供 CI 缓存）', "build a commit's account-name index (the impersonation check's; kept in .git/govmedia/names/ for the CI cache)"),
    description: t(
      '合并请求检查查找新开或改名账号的形近名称时使用这份索引；没有缓存时须读出整个登记簿（10 万个账号约需 7 秒）。合并后的工作流运行本命令并把 .git/govmedia/names/ 存入 CI 缓存，合并请求检查恢复它；较早的索引只需按改动的文件更新。',
      'The PR check looks the names of new or renamed accounts up in this index; without a cached one it reads the whole register (~7 s at 100,000 accounts). The post-merge workflow runs this command and saves .git/govmedia/names/ to the CI cache; the PR check restores it, and an older index is brought up to date by reading only the changed files.',
    ),
    options: {
      rev: { type: 'string', arg: t('<提交>', '<rev>'), help: t('为该提交建立索引（默认 HEAD）', 'the commit to index (default HEAD)') },
      repo: REPO,
      lang: LANG,
      help: HELP,
    },
    exitCodes: [WRITTEN, { code: 2 as const, text: t('用法错误（不是 Git 仓库、没有该提交）', 'usage error (not a Git repository, no such commit)') }],
  },
  {
    name: 'gen-types',
    summary: t('由 schemas/ 重新生成 TypeScript 类型和预编译的校验函数', 'regenerate TypeScript types and precompiled validators from schemas/'),
    options: { lang: LANG, help: HELP },
    exitCodes: [WRITTEN, USAGE_ERROR],
  },
] as const satisfies readonly CommandSpec[];

/** The name of a command of the table. */
export type CommandName = (typeof COMMAND_TABLE)[number]['name'];

export function commandSpec(name: string): CommandSpec | undefined {
  return (COMMAND_TABLE as readonly CommandSpec[]).find((c) => c.name === name);
}

type OptionsOf<N extends CommandName> = Extract<(typeof COMMAND_TABLE)[number], { name: N }>['options'];
type ValueOf<O> = O extends { type: 'boolean' } ? boolean : O extends { multiple: true } ? string[] : string;

/** A command's option values, typed from its table entry (every option may be absent). */
export type OptionValues<N extends CommandName> = { -readonly [K in keyof OptionsOf<N>]?: ValueOf<OptionsOf<N>[K]> };

export interface ParsedCommand<N extends CommandName> {
  values: OptionValues<N>;
  positionals: string[];
}

/** The node:util parseArgs options of a command, from the table. */
export function parseOptionsOf(name: string): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  const spec = commandSpec(name);
  if (!spec) throw new Error(`no such command in the table: ${name}`);
  const out: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [k, o] of Object.entries(spec.options)) out[k] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  return out;
}

/**
 * Parse a command's arguments with its table entry: the one parser of every command (the
 * dispatcher calls it before loading the command, and each command calls it for its values).
 * An unknown option, a missing value or a positional the command does not take is a UsageError
 * (exit 2, Chinese first, English with --lang en).
 */
export function parseCommand<N extends CommandName>(name: N, args: readonly string[]): ParsedCommand<N> {
  const spec = commandSpec(name)!;
  try {
    const r = parseArgs({ args: [...args], options: parseOptionsOf(name), allowPositionals: spec.positionals !== undefined && spec.positionals !== 'none', strict: true });
    return { values: r.values as OptionValues<N>, positionals: r.positionals };
  } catch (e) {
    throw parseArgsError(e) ?? e;
  }
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
