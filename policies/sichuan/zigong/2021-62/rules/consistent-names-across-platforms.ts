import { consistentNames } from '#engine/policy/common/structure';
import { zg } from '../cite.ts';

export default consistentNames({ citation: zg('第十六条', '主办单位在不同平台上开设的政务新媒体名称原则上应保持一致') });
