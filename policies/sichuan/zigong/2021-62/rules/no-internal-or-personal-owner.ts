import { noInternalOrPersonalOwner } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

export default noInternalOrPersonalOwner({ citation: zg('第六条、第十四条', '单位内设科室不得单独开设政务新媒体；不得违规为非行政机构开设的新媒体提供认证') });
