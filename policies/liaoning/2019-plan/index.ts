/**
 * 辽宁省推进政务新媒体健康有序发展实施方案（辽政办发〔2019〕24号）的规则。
 * 绑定在省级地区 accounts/liaoning，经上级地区绑定及于全省各市、县的账号。
 */
import type { FixtureKit } from '../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../scripts/policy/types.ts';
import appRequirements from './rules/app-requirements.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import contentReviewChain from './rules/content-review-chain.ts';
import filingToRightOffice from './rules/filing-to-right-office.ts';
import handoverRotatesCredentials from './rules/handover-rotates-credentials.ts';
import hostChangeAnnounced from './rules/host-change-announced.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import outsourcedAccountStaysWithHost from './rules/outsourced-account-stays-with-host.ts';
import requiredAccounts from './rules/required-accounts.ts';
import supervisingOfficeConfigured from './rules/supervising-office-configured.ts';

/**
 * A minimal 辽宁 register that every rule of this module accepts (see scripts/policy/common/structure.ts).
 * The province is the series region: `bgs` is 辽宁省人民政府办公厅, `zf` the provincial government,
 * `dept` a provincial department. The review event of each opening names the office it was filed
 * with (三、（一）分级备案), otherwise the events are exactly openEvents(date).
 */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('liaoning', { name: '辽宁省', level: '省级', policies: ['liaoning'], supervisingOffice: 'bgs' });
  k.unit('liaoning', { id: 'bgs', name: '辽宁省人民政府办公厅', shortName: '省政府办公厅', kind: '政府办公室' });
  k.unit('liaoning', { id: 'zf', name: '辽宁省人民政府', kind: '人民政府' });
  k.unit('liaoning', { id: 'dept', name: '辽宁省卫生健康委员会', shortName: '省卫生健康委', kind: '政府部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康辽宁', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '辽宁省人民政府', platform: '新浪微博' });
  for (const id of ['dept-weixin', 'zf-weibo']) k.get(id).events[1]!.reviewer = '辽宁省人民政府办公厅';
}

const index: PolicyIndex = {
  fixture,
  rules: [
    requiredAccounts,
    oneAccountPerPlatform,
    certificationNamesHostUnit,
    consistentNames,
    appRequirements,
    filingToRightOffice,
    hostChangeAnnounced,
    contentReviewChain,
    handoverRotatesCredentials,
    outsourcedAccountStaysWithHost,
    supervisingOfficeConfigured,
  ],
};
export default index;
