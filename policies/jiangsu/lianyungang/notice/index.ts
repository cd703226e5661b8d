/**
 * 《市政府办公室关于进一步规范和加强政务新媒体管理工作的通知》（江苏某设区市，据官方解读；文号未载明）的规则。
 * 本库样例把该通知绑定到连云港市（jiangsu/lianyungang），这是样例假定，不是原文所载事实。见 README.md。
 */
import type { FixtureKit } from '../../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../../scripts/policy/types.ts';
import announcementPeriod from './rules/announcement-period.ts';
import approvalBySameLevelOffice from './rules/approval-by-same-level-office.ts';
import changeAnnouncementPeriod from './rules/change-announcement-period.ts';
import cityFilingBeforeEntry from './rules/city-filing-before-entry.ts';
import closureAnnouncedBeforeEntry from './rules/closure-announced-before-entry.ts';
import entryWithin3Workdays from './rules/entry-within-3-workdays.ts';
import filingRequirements from './rules/filing-requirements.ts';
import handoverCredentials from './rules/handover-credentials.ts';
import platformAfterApproval from './rules/platform-after-approval.ts';
import regionSupervisingOffice from './rules/region-supervising-office.ts';
import scoringClass from './rules/scoring-class.ts';
import supervisorApproval from './rules/supervisor-approval.ts';
import unitSupervisor from './rules/unit-supervisor.ts';

/** A minimal 连云港 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/lianyungang', { name: '江苏省连云港市', level: '市级', policies: ['jiangsu/lianyungang'], supervisingOffice: 'bgs', adoptedOn: '2021-01-01' });
  k.unit('jiangsu/lianyungang', { id: 'bgs', name: '连云港市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('jiangsu/lianyungang', { id: 'zf', name: '连云港市人民政府', kind: '人民政府', level: '市级' });
  k.unit('jiangsu/lianyungang', { id: 'dept', name: '连云港市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康连云港', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '连云港发布', platform: '新浪微博' });
}

const index: PolicyIndex = {
  fixture,
  rules: [
    regionSupervisingOffice,
    unitSupervisor,
    supervisorApproval,
    approvalBySameLevelOffice,
    platformAfterApproval,
    cityFilingBeforeEntry,
    entryWithin3Workdays,
    filingRequirements,
    announcementPeriod,
    changeAnnouncementPeriod,
    closureAnnouncedBeforeEntry,
    handoverCredentials,
    scoringClass,
  ],
};
export default index;
