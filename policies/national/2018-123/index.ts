/**
 * 国务院办公厅关于推进政务新媒体健康有序发展的意见（国办发〔2018〕123号）的规则。
 * 绑定在根地区 accounts/region.json，各地区都继承；地方办法叠加在上面（scripts/policy/engine.ts mergeLayers）。
 */
import type { FixtureKit } from '../../../scripts/policy/fixture.ts';
import type { PolicyIndex } from '../../../scripts/policy/types.ts';
import appRequirements from './rules/app-requirements.ts';
import certificationNamesHostUnit from './rules/certification-names-host-unit.ts';
import consistentNames from './rules/consistent-names-across-platforms.ts';
import filedWithSupervisor from './rules/filed-with-supervisor.ts';
import hostChangeAnnounced from './rules/host-change-announced.ts';
import oneAccountPerPlatform from './rules/one-account-per-platform.ts';
import outsourcedAccountStaysWithHost from './rules/outsourced-account-stays-with-host.ts';
import requiredAccounts from './rules/required-accounts.ts';
import reviewAssigned from './rules/review-assigned.ts';
import supervisingOfficeConfigured from './rules/supervising-office-configured.ts';

/**
 * A minimal register under the national module only: the root binds it and names 国务院办公厅;
 * 四川省自贡市 holds `bgs` (its government office, the supervising office), `zf` (the city government)
 * and `dept` (a department); `dept-weixin` and `zf-weibo` are opened, reviewed, certified and entered.
 */
export function fixture(k: FixtureKit): void {
  k.region('', { name: '全国', level: '国家', policies: ['national'], supervisingOfficeName: '国务院办公厅' });
  k.region('sichuan', { name: '四川省', level: '省级' });
  k.region('sichuan/zigong', { name: '四川省自贡市', level: '市级', supervisingOffice: 'bgs' });
  k.unit('sichuan/zigong', { id: 'bgs', name: '自贡市人民政府办公室', shortName: '市政府办公室', kind: '政府办公室' });
  k.unit('sichuan/zigong', { id: 'zf', name: '自贡市人民政府', kind: '人民政府' });
  k.unit('sichuan/zigong', { id: 'dept', name: '自贡市卫生健康委员会', shortName: '市卫生健康委', kind: '政府部门', aliases: ['自贡市卫健委'] });
  k.account('dept', { id: 'dept-weixin', name: '健康自贡', platform: '微信公众号' });
  k.account('zf', { id: 'zf-weibo', name: '自贡市人民政府', platform: '新浪微博' });
}

const index: PolicyIndex = {
  fixture,
  rules: [
    requiredAccounts,
    oneAccountPerPlatform,
    certificationNamesHostUnit,
    consistentNames,
    appRequirements,
    filedWithSupervisor,
    hostChangeAnnounced,
    outsourcedAccountStaysWithHost,
    reviewAssigned,
    supervisingOfficeConfigured,
  ],
};
export default index;
