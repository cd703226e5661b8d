/**
 * 数据文件本身的检查规则（语法、编码、模式、路径、一致性、秘密信息、仿冒字符）。
 * The register's own data rules, run before any policy module. Each has an id, a severity
 * and, where a regulation stands behind it, a citation; `govmedia rules` lists them.
 */
import type { Bilingual, Citation, Severity } from './finding.ts';

export interface BuiltinRuleMeta {
  id: string;
  severity: Severity;
  title: Bilingual;
  citation?: Citation;
}

const N123 = '国办发〔2018〕123号';
/** 本库数据标准（schemas/README.md）：没有办法条款要求的字段的依据（与 scripts/policy/basis.ts 的 STANDARD 相同）。 */
const STANDARD_DOC = '政务新媒体备案库数据标准';
const STANDARD_TITLE = '政务新媒体备案库数据标准（schemas/README.md）';

export const BUILTIN_RULES = {
  'register/json-syntax': { severity: 'error', title: { zh: 'JSON 语法错误', en: 'JSON syntax error' } },
  'register/duplicate-key': { severity: 'error', title: { zh: '同一对象中键重复', en: 'duplicate key in an object' } },
  'register/bom': { severity: 'error', title: { zh: '文件以 BOM 开头', en: 'file starts with a byte-order mark' } },
  'register/encoding': { severity: 'error', title: { zh: '文件不是 UTF-8 编码的文本', en: 'file is not UTF-8 text' } },
  'register/file-too-large': { severity: 'error', title: { zh: '文件过大', en: 'file too large' } },
  'register/symlink': { severity: 'error', title: { zh: '不允许符号链接', en: 'symbolic links are not allowed' } },
  'register/stray-file': { severity: 'error', title: { zh: '不属于登记簿的文件或文件夹', en: 'file or folder that does not belong in the register' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'register/misplaced': { severity: 'error', title: { zh: '文件放错了位置', en: 'file in the wrong place' }, citation: { doc: N123, article: '二、明确工作职责', quote: '政务新媒体主办单位按照“谁开设、谁主办”的原则确定' } },
  // a register file's schema errors cite the article that requires the field in the file's region
  // (policies/*/basis.ts, scripts/policy/basis.ts); this is the citation where no measure requires it
  'register/schema': { severity: 'error', title: { zh: '不符合数据模式', en: 'does not match the schema' }, citation: { doc: STANDARD_DOC, article: '第一条（字段）', title: STANDARD_TITLE, quote: '登记簿文件的字段、格式和取值以 schemas/ 中的数据模式为准；管理办法没有要求的字段，是登记簿本身运转所需（编号、路径、事件记录等）' } },
  'register/schema-ref': { severity: 'error', title: { zh: '$schema 路径不正确', en: '$schema path is wrong' } },
  'register/id-path': { severity: 'error', title: { zh: '编号与文件路径不一致', en: 'id does not match the file path' } },
  'register/duplicate-id': { severity: 'error', title: { zh: '编号重复', en: 'duplicate id' } },
  'register/host-unit': { severity: 'error', title: { zh: '主办单位与所在文件夹不一致', en: 'host unit does not match the folder' }, citation: { doc: N123, article: '二、明确工作职责', quote: '政务新媒体主办单位按照“谁开设、谁主办”的原则确定' } },
  'register/reference': { severity: 'error', title: { zh: '引用了不存在的单位、地区或办法', en: 'reference to a unit, region or policy that does not exist' } },
  'register/event-order': { severity: 'error', title: { zh: '生命周期事件未按日期排列或日期晚于今天', en: 'lifecycle events out of date order or in the future' } },
  'register/invisible-char': { severity: 'error', title: { zh: '名称或文字中含有不可见字符或多余空白', en: 'invisible character or stray whitespace in a name or text' }, citation: { doc: N123, article: '四、（四）监督管理', quote: '对发现的假冒政务新媒体，要求第三方平台立即关停' } },
  'register/look-alike': { severity: 'error', title: { zh: '名称或文字中含有形近仿冒字符', en: 'look-alike character in a name or text' }, citation: { doc: N123, article: '四、（四）监督管理', quote: '对发现的假冒政务新媒体，要求第三方平台立即关停' } },
  'register/impersonation': { severity: 'error', title: { zh: '同一平台上与其他单位的账号同名或形近（仿冒）', en: "same or look-alike name as another unit's account on the same platform (impersonation)" }, citation: { doc: N123, article: '四、（一）开设整合；四、（四）监督管理', quote: '政务新媒体名称应简洁规范，与主办单位工作职责相关联，并在公开认证信息中标明主办单位名称……对发现的假冒政务新媒体，要求第三方平台立即关停' } },
  'register/personal-data': { severity: 'error', title: { zh: '公开字段中含有手机号码、身份证号码或电子邮箱', en: 'mobile number, identity number or e-mail address in a public field' }, citation: { doc: N123, article: '四、（三）安全防护', quote: '对于泄露后会危及国家安全、公共安全、经济安全、社会稳定的信息和国家秘密、商业秘密、个人隐私，要加强管理，确保不泄露' } },
  'register/implausible-date': { severity: 'error', title: { zh: '日期不存在或早于 2000-01-01', en: 'date does not exist or is before 2000-01-01' }, citation: { doc: STANDARD_DOC, article: '第一条（字段）', title: STANDARD_TITLE, quote: '登记簿文件的字段、格式和取值以 schemas/ 中的数据模式为准；管理办法没有要求的字段，是登记簿本身运转所需（编号、路径、事件记录等）' } },
  'register/exception-expired': { severity: 'error', title: { zh: '规则例外已到期', en: 'a rule exception has expired' } },
  'register/baseline-invalid': { severity: 'error', title: { zh: '接入基线（整改清单）文件格式有误', en: 'the adoption baseline (rectification list) is malformed' } },
  'register/baseline-stale': { severity: 'notice', title: { zh: '接入基线中有已整改的条目，可以移除', en: 'the adoption baseline lists items that are fixed' } },
  'register/secret': { severity: 'error', title: { zh: '疑似密码、令牌等秘密信息', en: 'value looks like a password, token or other secret' }, citation: { doc: N123, article: '四、（三）安全防护', quote: '加强对账号密码的安全管理，防止账号被盗用' } },
  // ---- the pull-request check (transitions between the base and the head of a PR)
  'pr/deleted-account': { severity: 'error', title: { zh: '删除了账号文件', en: 'an account file was deleted' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'pr/id-changed': { severity: 'error', title: { zh: '修改了账号编号', en: 'an account id was changed' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'pr/past-event-changed': { severity: 'error', title: { zh: '修改或删除了已有的生命周期事件', en: 'a past lifecycle event was edited or removed' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'pr/move-without-filing': { severity: 'error', title: { zh: '账号迁移到其他单位但未办理主办单位变更备案', en: 'account moved to another unit without a host-unit change filing' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告' } },
  'pr/key-change-without-filing': { severity: 'error', title: { zh: '关键信息变更未办理变更备案', en: 'key information changed without a change filing' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '开设、变更、关停、注销应向主管单位备案' } },
  'pr/platform-changed': { severity: 'error', title: { zh: '账号的平台类型被修改', en: 'the platform of an account was changed' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '开设、变更、关停、注销应向主管单位备案' } },
  'pr/new-account-without-filing': { severity: 'error', title: { zh: '新增账号文件没有以开设备案或补录备案开始', en: 'a new account file does not start with an opening or backfill filing' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'pr/unit-deleted': { severity: 'error', title: { zh: '删除了单位文件', en: 'a unit file was deleted' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '政务新媒体主办单位发生变化的，应及时注销或变更账号信息，并向社会公告' } },
  'pr/outside-tree': { severity: 'error', title: { zh: '修改了登记簿以外的文件', en: 'a file outside the register tree was changed' } },
  'pr/mixed-rules-and-data': { severity: 'error', title: { zh: '规则修改与账号变更混在同一个合并请求中', en: 'a rules change mixed with account changes in one pull request' } },
  'pr/baseline-grows': { severity: 'error', title: { zh: '合并请求向接入基线（整改清单）新增条目', en: 'a pull request adds to the adoption baseline' } },
  'pr/bulk-change': { severity: 'error', title: { zh: '一次关停或迁移了异常多的账号', en: 'an unusual share of a region\'s accounts closed or moved at once' } },
  'pr/unreadable-file': { severity: 'error', title: { zh: '改动后的登记簿文件无法判断（格式或数据模式不符）', en: 'a changed register file cannot be judged (malformed)' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  // ---- the audit of Git history
  'audit/future-commit': { severity: 'error', title: { zh: '提交日期晚于审计日或晚于其后的提交', en: 'a commit dated after the audit day or after a later commit' }, citation: { doc: N123, article: '四、（一）开设整合', quote: '建立政务新媒体分级备案制度，开设、变更、关停、注销应向主管单位备案' } },
  'audit/acknowledged-invalid': { severity: 'error', title: { zh: '审计已确认提交清单（policies/audit-acknowledged.json）格式不符，整份清单不予采用', en: 'the audit acknowledgment list is malformed and is ignored as a whole' }, citation: { doc: STANDARD_DOC, article: '第一条（字段）', title: STANDARD_TITLE, quote: '登记簿文件的字段、格式和取值以 schemas/ 中的数据模式为准；管理办法没有要求的字段，是登记簿本身运转所需（编号、路径、事件记录等）' } },
  'audit/acknowledged-unknown-commit': { severity: 'warning', title: { zh: '审计已确认提交清单中的提交不在被审计的第一父历史中', en: 'an acknowledged commit is not on the audited first-parent history' }, citation: { doc: STANDARD_DOC, article: '第三条（维护者审核）', title: STANDARD_TITLE, quote: '管理办法模块、数据模式、检查程序和地区配置的修改，由本库维护者审核' } },
} as const satisfies Record<string, Omit<BuiltinRuleMeta, 'id'>>;

export type BuiltinRuleId = keyof typeof BUILTIN_RULES;

export function builtinRuleList(): BuiltinRuleMeta[] {
  return Object.entries(BUILTIN_RULES).map(([id, m]) => ({ id, ...(m as Omit<BuiltinRuleMeta, 'id'>) }));
}
