import { noInternalOrPersonalOwner } from '#engine/policy/common/structure';
import { la } from '../cite.ts';

export default noInternalOrPersonalOwner({
  citation: la('第九条', '单位不得以个人名义开设政务新媒体，内设机构和个人均不得作为政务新媒体的账号主体或认证主体'),
});
