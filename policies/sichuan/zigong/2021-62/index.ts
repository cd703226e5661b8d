/**
 * 自贡市政务新媒体管理办法（自府办函〔2021〕62号）的规则。
 */
import type { FixtureKit } from '../../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../../scripts/policy/types.ts';
import announcementWithin7Days from './rules/announcement-within-7-days.ts';
import certificationAfterApproval from './rules/certification-after-approval.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import changeEntryWithin3Workdays from './rules/change-entry-within-3-workdays.ts';
import closureEntryWithin3Workdays from './rules/closure-entry-within-3-workdays.ts';
import closureEvidence from './rules/closure-evidence.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import entryWithin3Workdays from './rules/entry-within-3-workdays.ts';
import filingRequirements from './rules/filing-requirements.ts';
import noInternalOrPersonalOwner from './rules/no-internal-or-personal-owner.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import reviewWithin5Workdays from './rules/review-within-5-workdays.ts';
import subordinateUnitReason from './rules/subordinate-unit-reason.ts';
import supervisorApproval from './rules/supervisor-approval.ts';

/** A minimal 自贡 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', policies: ['sichuan/zigong'], supervisingOffice: 'bgs' });
  k.unit('sichuan/zigong', { id: 'bgs', name: '自贡市人民政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zf', name: '自贡市人民政府', kind: '人民政府' });
  k.unit('sichuan/zigong', { id: 'dept', name: '自贡市卫生健康委员会', shortName: '市卫健委', kind: '政府部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康自贡', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '自贡发布', platform: '新浪微博' });
}

const index: PolicyIndex = {
  fixture,
  rules: [
    oneAccountPerPlatform,
    noInternalOrPersonalOwner,
    filingRequirements,
    reviewWithin5Workdays,
    certificationAfterApproval,
    entryWithin3Workdays,
    subordinateUnitReason,
    announcementWithin7Days,
    closureEntryWithin3Workdays,
    closureEvidence,
    consistentNames,
    certificationNamesHostUnit,
    changeEntryWithin3Workdays,
    supervisorApproval,
  ],
};
export default index;
