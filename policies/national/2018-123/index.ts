/**
 * 国务院办公厅关于推进政务新媒体健康有序发展的意见（国办发〔2018〕123号）的规则。
 * 绑定在根地区 accounts/region.json，各地区都继承；地方办法叠加在上面（scripts/policy/engine.ts mergeLayers）。
 */
import type { PolicyIndex } from '#engine/policy/types';
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

const index: PolicyIndex = {
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
