import { consistentNames } from '#engine/policy/common/structure';
import { qj } from '../cite.ts';

/**
 * 第十二条：名称“应保持一致”。国办发〔2018〕123号 的同一句写的是“原则上应保持一致”，
 * 綦江办法删去了“原则上”，所以这里是错误而不是警告。
 * 只比较名称（第十二条没有要求各平台认证主体相同；认证信息是否标明主办单位由
 * certification-names-host-unit 检查）。移动客户端和小程序可以另起名称（工厂默认）。
 */
const rule = consistentNames({
  citation: qj('第十二条', '主办单位在不同平台上开设的政务新媒体名称应保持一致'),
  severity: 'error',
  checkEntity: false,
});

/** 只比较名称，所以标题不提认证主体。 */
export default { ...rule, title: { zh: '同一单位在不同平台的账号名称保持一致', en: "a unit's accounts share one name across platforms" } };
