/**
 * 《市政府办公室关于进一步规范和加强政务新媒体管理工作的通知》（江苏某设区市，据官方解读；文号未载明）的规则。
 * 原文未载明市名，所以模块系列为 jiangsu/city；样例登记簿由虚构的示例市（accounts/jiangsu/shili）绑定。见 README.md。
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

/** A minimal 示例市 register that every rule of this module accepts (see scripts/policy/common/structure.ts). */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家' });
  k.region('jiangsu', { name: '江苏省', level: '省级' });
  k.region('jiangsu/shili', { name: '江苏省示例市', level: '市级', policies: ['jiangsu/city'], supervisingOffice: 'bgs', adoptedOn: '2021-01-01' });
  k.unit('jiangsu/shili', { id: 'bgs', name: '示例市人民政府办公室', kind: '政府办公室', level: '市级' });
  k.unit('jiangsu/shili', { id: 'zf', name: '示例市人民政府', kind: '人民政府', level: '市级' });
  k.unit('jiangsu/shili', { id: 'dept', name: '示例市卫生健康委员会', shortName: '市卫健委', kind: '政府部门', level: '市级', scoringClass: '市级部门' });
  k.account('dept', { id: 'dept-weixin', name: '健康示例市', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '示例市发布', platform: '新浪微博' });
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
