/**
 * 基准测试合成登记簿用的名称表：地名、部门名、平台、姓氏。全部人员均为虚构。
 * Name lists for the synthetic benchmark registers: places, departments, platforms, surnames.
 * Every person is fictitious (“某某（虚构）”).
 */
import type { AccountFile } from '../generated/types.ts';

/** A county-level place: Chinese name and the pinyin used for folder names and ids. */
export interface Place {
  name: string;
  pinyin: string;
}

export interface CityDef extends Place {
  /** Id prefix of the city's units, e.g. "zg". */
  code: string;
  counties: Place[];
}

/** The 14 prefecture-level cities of 辽宁 with some of their counties (the province binds the 辽宁 plan). */
export const LIAONING_CITIES: CityDef[] = [
  { name: '沈阳市', pinyin: 'shenyang', code: 'sy', counties: p('和平区 heping,沈河区 shenhe,大东区 dadong,皇姑区 huanggu,铁西区 tiexi,苏家屯区 sujiatun,浑南区 hunnan,沈北新区 shenbei,于洪区 yuhong,辽中区 liaozhong,康平县 kangping,法库县 faku,新民市 xinmin') },
  { name: '大连市', pinyin: 'dalian', code: 'dl', counties: p('中山区 zhongshan,西岗区 xigang,沙河口区 shahekou,甘井子区 ganjingzi,旅顺口区 lvshunkou,金州区 jinzhou,普兰店区 pulandian,长海县 changhai,瓦房店市 wafangdian,庄河市 zhuanghe') },
  { name: '鞍山市', pinyin: 'anshan', code: 'as', counties: p('铁东区 tiedong,铁西区 tiexi,立山区 lishan,千山区 qianshan,台安县 taian,岫岩满族自治县 xiuyan,海城市 haicheng') },
  { name: '抚顺市', pinyin: 'fushun', code: 'fs', counties: p('新抚区 xinfu,东洲区 dongzhou,望花区 wanghua,顺城区 shuncheng,抚顺县 fushunxian,新宾满族自治县 xinbin,清原满族自治县 qingyuan') },
  { name: '本溪市', pinyin: 'benxi', code: 'bx', counties: p('平山区 pingshan,溪湖区 xihu,明山区 mingshan,南芬区 nanfen,本溪满族自治县 benxixian,桓仁满族自治县 huanren') },
  { name: '丹东市', pinyin: 'dandong', code: 'dd', counties: p('元宝区 yuanbao,振兴区 zhenxing,振安区 zhenan,宽甸满族自治县 kuandian,东港市 donggang,凤城市 fengcheng') },
  { name: '锦州市', pinyin: 'jinzhou', code: 'jz', counties: p('古塔区 guta,凌河区 linghe,太和区 taihe,黑山县 heishan,义县 yixian,凌海市 linghai,北镇市 beizhen') },
  { name: '营口市', pinyin: 'yingkou', code: 'yk', counties: p('站前区 zhanqian,西市区 xishi,鲅鱼圈区 bayuquan,老边区 laobian,盖州市 gaizhou,大石桥市 dashiqiao') },
  { name: '阜新市', pinyin: 'fuxin', code: 'fx', counties: p('海州区 haizhou,新邱区 xinqiu,太平区 taiping,清河门区 qinghemen,细河区 xihe,阜新蒙古族自治县 fuxinxian,彰武县 zhangwu') },
  { name: '辽阳市', pinyin: 'liaoyang', code: 'ly', counties: p('白塔区 baita,文圣区 wensheng,宏伟区 hongwei,弓长岭区 gongchangling,太子河区 taizihe,辽阳县 liaoyangxian,灯塔市 dengta') },
  { name: '盘锦市', pinyin: 'panjin', code: 'pj', counties: p('双台子区 shuangtaizi,兴隆台区 xinglongtai,大洼区 dawa,盘山县 panshan') },
  { name: '铁岭市', pinyin: 'tieling', code: 'tl', counties: p('银州区 yinzhou,清河区 qinghe,铁岭县 tielingxian,西丰县 xifeng,昌图县 changtu,调兵山市 diaobingshan,开原市 kaiyuan') },
  { name: '朝阳市', pinyin: 'chaoyang', code: 'cy', counties: p('双塔区 shuangta,龙城区 longcheng,朝阳县 chaoyangxian,建平县 jianping,喀喇沁左翼蒙古族自治县 kazuo,北票市 beipiao,凌源市 lingyuan') },
  { name: '葫芦岛市', pinyin: 'huludao', code: 'hld', counties: p('连山区 lianshan,龙港区 longgang,南票区 nanpiao,绥中县 suizhong,建昌县 jianchang,兴城市 xingcheng') },
];

export const ZIGONG_COUNTIES = p('自流井区 ziliujing,贡井区 gongjing,大安区 daan,沿滩区 yantan,荣县 rongxian,富顺县 fushun');
export const LUAN_COUNTIES = p('金安区 jinan,裕安区 yuan,叶集区 yeji,霍邱县 huoqiu,舒城县 shucheng,金寨县 jinzhai,霍山县 huoshan');
export const LIANYUNGANG_COUNTIES = p('海州区 haizhou,连云区 lianyun,赣榆区 ganyu,东海县 donghai,灌云县 guanyun,灌南县 guannan');

/** Syllables for composing further (fictitious) county and township names when a size needs more. */
export const SYLLABLES: Place[] = p(
  '东 dong,西 xi,南 nan,北 bei,青 qing,白 bai,红 hong,金 jin,安 an,宁 ning,平 ping,兴 xing,和 he,长 chang,永 yong,新 xin,清 qing,龙 long,凤 feng,明 ming,石 shi,松 song,柳 liu,桃 tao,双 shuang,黄 huang,太 tai,福 fu,泰 tai,古 gu',
);
export const SYLLABLES2: Place[] = p('山 shan,河 he,阳 yang,城 cheng,丰 feng,泉 quan,林 lin,江 jiang,川 chuan,原 yuan,台 tai,峰 feng,桥 qiao,湖 hu,坪 ping,岭 ling,溪 xi,塘 tang,坝 ba,湾 wan');

function p(s: string): Place[] {
  return s.split(',').map((x) => {
    const [name, pinyin] = x.trim().split(' ');
    return { name: name!, pinyin: pinyin! };
  });
}

/** A government department: full name, short name (ends in 委/办/局 for the 六安 naming pattern), id code, account theme. */
export interface DeptDef {
  name: string;
  /** Provincial-level name (厅 instead of 局) where it differs. */
  prov?: string;
  short: string;
  code: string;
  /** Account-name theme, e.g. “教育” → “自贡教育”. */
  theme: string;
  /** Theme goes before the place, e.g. 健康自贡. */
  themeFirst?: boolean;
}

export const DEPARTMENTS: DeptDef[] = [
  { name: '发展和改革委员会', short: '发改委', code: 'fgw', theme: '发改' },
  { name: '教育局', prov: '教育厅', short: '教育局', code: 'jyj', theme: '教育' },
  { name: '科学技术局', prov: '科学技术厅', short: '科技局', code: 'kjj', theme: '科技' },
  { name: '工业和信息化局', prov: '工业和信息化厅', short: '工信局', code: 'gxj', theme: '工信' },
  { name: '公安局', prov: '公安厅', short: '公安局', code: 'gaj', theme: '公安' },
  { name: '民政局', prov: '民政厅', short: '民政局', code: 'mzj', theme: '民政' },
  { name: '司法局', prov: '司法厅', short: '司法局', code: 'sfj', theme: '司法' },
  { name: '财政局', prov: '财政厅', short: '财政局', code: 'czj', theme: '财政' },
  { name: '人力资源和社会保障局', prov: '人力资源和社会保障厅', short: '人社局', code: 'rsj', theme: '人社' },
  { name: '自然资源和规划局', prov: '自然资源厅', short: '自然资源局', code: 'zrzyj', theme: '自然资源' },
  { name: '生态环境局', prov: '生态环境厅', short: '生态环境局', code: 'sthjj', theme: '生态环境' },
  { name: '住房和城乡建设局', prov: '住房和城乡建设厅', short: '住建局', code: 'zjj', theme: '住建' },
  { name: '交通运输局', prov: '交通运输厅', short: '交通运输局', code: 'jtj', theme: '交通' },
  { name: '水利局', prov: '水利厅', short: '水利局', code: 'slj', theme: '水利' },
  { name: '农业农村局', prov: '农业农村厅', short: '农业农村局', code: 'nyncj', theme: '农业农村' },
  { name: '商务局', prov: '商务厅', short: '商务局', code: 'swj', theme: '商务' },
  { name: '文化和旅游局', prov: '文化和旅游厅', short: '文旅局', code: 'wlj', theme: '文旅' },
  { name: '卫生健康委员会', short: '卫健委', code: 'wjw', theme: '健康', themeFirst: true },
  { name: '退役军人事务局', prov: '退役军人事务厅', short: '退役军人事务局', code: 'tyjrj', theme: '退役军人' },
  { name: '应急管理局', prov: '应急管理厅', short: '应急管理局', code: 'yjj', theme: '应急' },
  { name: '审计局', prov: '审计厅', short: '审计局', code: 'sjj', theme: '审计' },
  { name: '市场监督管理局', short: '市场监管局', code: 'scjgj', theme: '市场监管' },
  { name: '统计局', short: '统计局', code: 'tjj', theme: '统计' },
  { name: '医疗保障局', short: '医保局', code: 'ybj', theme: '医保' },
  { name: '体育局', short: '体育局', code: 'tyj', theme: '体育' },
  { name: '信访局', short: '信访局', code: 'xfj', theme: '信访' },
  { name: '数据资源管理局', short: '数据资源局', code: 'sjzyj', theme: '数据' },
  { name: '城市管理局', short: '城管局', code: 'cgj', theme: '城管' },
  { name: '林业局', short: '林业局', code: 'lyj', theme: '林业' },
  { name: '民族宗教事务局', short: '民宗局', code: 'mzzjj', theme: '民族宗教' },
  { name: '机关事务管理局', short: '机关事务局', code: 'jgswj', theme: '机关事务' },
  { name: '政务服务管理局', short: '政务服务局', code: 'zwfwj', theme: '政务服务' },
  { name: '人民防空办公室', short: '人防办', code: 'rfb', theme: '人防' },
  { name: '乡村振兴局', short: '乡村振兴局', code: 'xczxj', theme: '乡村振兴' },
];

export interface PlatformDef {
  platform: AccountFile['platform'];
  code: string;
  kind: string;
}

/** Platforms in the order a unit usually opens them (WeChat first). Apps are left out: their rules need store data. */
export const PLATFORMS: PlatformDef[] = [
  { platform: '微信公众号', code: 'weixin', kind: '公众号' },
  { platform: '新浪微博', code: 'weibo', kind: '微博' },
  { platform: '抖音', code: 'douyin', kind: '抖音号' },
  { platform: '微信视频号', code: 'sph', kind: '视频号' },
  { platform: '今日头条', code: 'toutiao', kind: '头条号' },
  { platform: '快手', code: 'kuaishou', kind: '快手号' },
  { platform: '哔哩哔哩', code: 'bilibili', kind: 'B站账号' },
  { platform: '微信小程序', code: 'xcx', kind: '小程序' },
];

/** Surnames for fictitious people (“某某（虚构）”). */
export const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹'.split('');

/** Township name parts: 镇 or 街道. */
export const TOWN_SUFFIX = [
  { zh: '镇', unit: '镇人民政府', code: 'z' },
  { zh: '街道', unit: '街道办事处', code: 'jd' },
] as const;
