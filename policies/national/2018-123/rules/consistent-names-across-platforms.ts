import { consistentNames } from '#engine/policy/common/structure';
import { KAISHE, gb } from '../cite.ts';

/**
 * 四、（一）：主办单位在不同平台上开设的政务新媒体名称原则上应保持一致。
 * “原则上”：名称不一致须有主管单位批准的理由（经审核的例外），在此之前为错误。意见只说名称，不比较认证主体；
 * 移动客户端和小程序不比较。
 */
export default consistentNames({
  citation: gb(KAISHE, '主办单位在不同平台上开设的政务新媒体名称原则上应保持一致'),
  severity: 'error',
  checkEntity: false,
});
