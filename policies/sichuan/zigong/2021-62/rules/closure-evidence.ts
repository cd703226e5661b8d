import { closureEvidence } from '#engine/policy/common/process';
import { zg } from '../cite.ts';

export default closureEvidence({ citation: zg('第十一条、附件2 注2', '保存好必要的聊天记录、公告截图、注销完成截图等资料备查') });
