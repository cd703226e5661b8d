/* eslint-disable */
/**
 * 此文件由 `npm run gen:types` 根据 schemas/*.schema.json 自动生成，请勿手工修改。
 * Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.
 */

// ---- account.schema.json ----
/**
 * 平台类型。自行开发的 APP 选“移动客户端”。
 */
export type Platform =
  | '微信公众号'
  | '微信小程序'
  | '微信视频号'
  | '新浪微博'
  | '抖音'
  | '今日头条'
  | '快手'
  | '哔哩哔哩'
  | '移动客户端'
  | '其他平台';
/**
 * 日期，格式 YYYY-MM-DD（北京时间）。
 */
export type DateString = string;

/**
 * 一个政务新媒体账号（或移动客户端）的备案记录。字段对应《自贡市政务新媒体开设/关停/信息变更备案表》（自府办函〔2021〕62号 附件1-3）与《六安市政务新媒体备案登记表》（六政办秘〔2021〕148号 附件）。本文件不得保存任何密码、令牌、AppSecret 等秘密信息。所需数据按阶段区分：通过本库办理的备案（有开设备案的账号）须填写完整备案信息（认证主体及分类、运营单位、运营模式、内容类型、完整管理队伍、带单位意见的备案事件）；补录的存量账号（事件中有补录备案而没有开设备案，包括接入本库时导入的账号）只须填写单位今天能确知的信息：名称、平台、主办单位、状态（由事件推导）和现在的运营者（运营单位、管理队伍，知道就填）。不知道的事实一律不编造：枚举字段填“未知”，对象和文本字段不填，并都在 unknown 中列出。
 */
export interface AccountFile {
  /**
   * 本文件所用模式的相对路径，供编辑器（VS Code）校验与补全，例如 "../../../../schemas/account.schema.json"。
   */
  $schema: string;
  /**
   * 账号编号：小写字母、数字和连字符，全库唯一，且必须与文件名一致（编号.json）。迁移到其他单位时编号不变。
   */
  id: string;
  /**
   * 媒体名称（账号名称），与平台上公开显示的名称一致，例如“自贡发布”。
   */
  name: string;
  platform: Platform;
  /**
   * 微信公众号的子类型：服务号、订阅号等。其他平台不填。补录的存量账号不知道时填“未知”（并在 unknown 中列出 subType）。
   */
  subType?: '服务号' | '订阅号' | '企业号' | '其他' | '未知';
  /**
   * 平台上的公开账号标识（如微信号、微博 UID、抖音号），公开信息，不是密码。
   */
  platformAccountId?: string;
  /**
   * 主办单位编号，必须与账号文件所在单位文件夹的 unit.json 中的 id 一致（“谁开设、谁主办”）。
   */
  hostUnit: string;
  certifiedEntity?: CertifiedEntity;
  /**
   * 运营单位（承办单位）全称。通过本库开设的账号必填；补录的存量账号不知道时不填，并在 unknown 中列出 operatingUnit。
   */
  operatingUnit?: string;
  /**
   * 运营模式：自营，或购买服务（服务外包，须填写 vendor）。补录的存量账号不知道时填“未知”（并在 unknown 中列出 operatingMode）。
   */
  operatingMode: '自营' | '购买服务' | '未知';
  vendor?: Vendor;
  /**
   * 主要内容类型：以文字图片为主（图文）或以音视频为主（音视频）。更新频率要求不同（六政办秘〔2021〕148号 第十七条）。补录的存量账号不知道时填“未知”（并在 unknown 中列出 contentType）。
   */
  contentType: '图文' | '音视频' | '未知';
  /**
   * 账号功能（六安 第十四条“账号功能”）。
   */
  functions?: ('信息发布' | '解读回应' | '互动交流' | '办事服务' | '其他')[];
  urls?: Urls;
  certification?: Certification;
  team?: Team;
  app?: App;
  /**
   * 小程序绑定的网站或系统（六政办秘〔2021〕148号 第三十四条）。
   */
  miniProgram?: {
    /**
     * 绑定网站、系统的服务器是否在境外（不得在境外）。
     */
    backendServerAbroad?: boolean;
    /**
     * 服务器所在地。
     */
    backendServerLocation?: string;
  };
  /**
   * 标签（可选），例如“专项活动”。
   */
  tags?: string[];
  /**
   * 未知事实（只用于补录的存量账号）：列出单位目前无法确知的事实。列出的对象和文本字段不填，列出的枚举字段填“未知”；不得编造。可列：certifiedEntity（认证主体）、certifiedEntity.category（认证主体分类）、operatingUnit（运营单位）、operatingMode（运营模式）、contentType（内容类型）、subType（微信公众号子类型）、team（管理队伍）、platformRegistered（平台开通日期；已知时记为按实际日期的“平台注册”事件）、app（移动客户端的 IPv6、适老化、服务器等信息）。需要这些事实的规则对该账号跳过相应检查。
   */
  unknown?: (
    | 'certifiedEntity'
    | 'certifiedEntity.category'
    | 'operatingUnit'
    | 'operatingMode'
    | 'contentType'
    | 'subType'
    | 'team'
    | 'platformRegistered'
    | 'app'
  )[];
  /**
   * 生命周期事件，按日期先后排列，只能追加、不能修改或删除已有事件。
   *
   * @minItems 1
   */
  events: Event[];
}
/**
 * 认证主体：平台机构认证所用的主体。必须是行政机关或承担行政职能的单位，不得是个人或内设机构。通过本库开设的账号必填；补录的存量账号不知道时不填，并在 unknown 中列出 certifiedEntity。
 */
export interface CertifiedEntity {
  /**
   * 认证主体全称。
   */
  name: string;
  /**
   * 认证主体的分类（变更属于关键信息变更）。“内设机构”“个人”不得作为认证主体。补录的存量账号知道认证主体名称、不知道分类时填“未知”（并在 unknown 中列出 certifiedEntity.category）。
   */
  category:
    | '人民政府'
    | '政府部门'
    | '承担行政职能的事业单位'
    | '部门下属单位'
    | '乡镇街道'
    | '内设机构'
    | '个人'
    | '其他'
    | '未知';
  /**
   * 认证主体在本库中的单位编号（若在库内）。
   */
  unit?: string;
}
/**
 * 服务外包单位（运营模式为购买服务时必填）。
 */
export interface Vendor {
  /**
   * 服务外包单位名称。
   */
  name: string;
  /**
   * 外包单位资质，例如“互联网新闻信息服务许可”（新闻采编资质）。
   */
  qualifications?: string[];
  /**
   * 资质证书编号（公开信息）。
   */
  qualificationRef?: string;
  /**
   * 保密安全协议。
   */
  confidentialityAgreement?: {
    /**
     * 是否已签订保密安全协议。
     */
    signed: boolean;
    date?: DateString;
  };
  contractEnd?: DateString;
}
/**
 * 文章、主页、下载的 URL（六政办秘〔2021〕148号 第十四条）。
 */
export interface Urls {
  /**
   * 主页 URL。
   */
  homepage?: string;
  /**
   * 代表文章 URL。
   */
  article?: string;
  /**
   * 下载 URL（移动客户端）。
   */
  download?: string;
}
/**
 * 平台机构认证（或应用市场上架）情况。
 */
export interface Certification {
  /**
   * 是否通过认证。
   */
  status: '未认证' | '认证中' | '已认证';
  /**
   * 平台公开认证信息，应标明主办单位名称。
   */
  publicInfo?: string;
}
/**
 * 管理队伍：主要负责人是第一责任人，分管负责人是直接责任人（自府办函〔2021〕62号 第二十五条）。通过本库开设的账号必填；补录的存量账号知道现在的管理队伍就填写（须完整），不知道时不填，并在 unknown 中列出 team。
 */
export interface Team {
  principal: Person;
  inCharge: Person;
  sectionHead?: Person;
  /**
   * 经办人员。
   *
   * @minItems 1
   */
  operators: Person[];
  /**
   * 内容审核分工：编辑（初审）、审核（复审）、终审，三者不得为同一人（严禁自编自审自发）。填写管理队伍成员的姓名。
   */
  review?: {
    /**
     * 信息编辑员（初审）。
     */
    editors?: string[];
    /**
     * 审核员（复审）。
     */
    reviewers?: string[];
    /**
     * 终审负责人。
     */
    finalApprovers?: string[];
  };
}
/**
 * 管理队伍成员。样例数据中的姓名和电话必须明显虚构。
 */
export interface Person {
  /**
   * 姓名。
   */
  name: string;
  /**
   * 单位及职务。
   */
  position: string;
  /**
   * 办公电话，例如 0813-0000001。
   */
  officePhone?: string;
  /**
   * 手机号码，11 位。
   */
  mobile?: string;
}
/**
 * 移动客户端（APP）专有信息。
 */
export interface App {
  /**
   * 是否全面支持 IPv6。
   */
  ipv6: boolean;
  /**
   * 是否完成适老化改造。
   */
  agingFriendly: boolean;
  /**
   * 是否完成无障碍适配。
   */
  accessibility: boolean;
  /**
   * 服务器所在地。
   */
  serverLocation: {
    /**
     * 服务器所在地（城市或机房）。
     */
    place: string;
    /**
     * 是否位于本市（本地化管理）。
     */
    inRegion: boolean;
    /**
     * 是否位于境外（不得位于境外）。
     */
    abroad: boolean;
    /**
     * 不在本市时，主办单位集体研究指定地点的决定文号或说明。
     */
    exceptionDecision?: string;
  };
  /**
   * 已上架的应用市场。
   */
  stores?: string[];
  /**
   * 发布许可（如 ICP 备案号）。
   */
  license?: string;
}
/**
 * 一个带日期的生命周期事件。
 */
export interface Event {
  /**
   * 事件类型：开设备案、补录备案、变更备案（关键信息）、关停备案、信息报备（非关键信息）、主管审核（主管单位审核意见）、上报备案（审核通过后逐级报上级主管单位）、平台注册、平台认证、应用上架、平台变更、系统填报、开设公告（六安 第八条：开设核准后向社会公告）、变更公告、注销公告、平台注销、应用下架、人员交接、密码更换（只记录日期，不记录密码）、逾期报告（超过30天未办结向主管单位报告）、资料留存（事后登记某一阶段已保存备查的资料，action 写明哪一阶段，evidence 写明资料的位置；自贡 第十一条）。账号在平台上的实际开通日期已知时记为按实际日期的“平台注册”事件（不写在备注里）；补录备案事件记在补录（接入本库）当天。
   */
  type:
    | '开设备案'
    | '补录备案'
    | '变更备案'
    | '关停备案'
    | '信息报备'
    | '主管审核'
    | '上报备案'
    | '平台注册'
    | '平台认证'
    | '应用上架'
    | '平台变更'
    | '系统填报'
    | '开设公告'
    | '变更公告'
    | '注销公告'
    | '平台注销'
    | '应用下架'
    | '人员交接'
    | '密码更换'
    | '逾期报告'
    | '资料留存';
  date: DateString;
  /**
   * 开办理由 / 关停原因 / 变更原因（备案事件必填）。
   */
  reason?: string;
  /**
   * “原则上”条款的例外理由：备案事件上，例如同一平台开设第二个账号的理由，须经主管单位审核同意（该项办理中的“主管审核 同意”）方可成立；密码更换事件上，为未能按期（六安 原则上每3个月）更换的理由，由主管单位在合并请求的审核中同意。
   */
  justification?: string;
  unitDecision?: Decision;
  /**
   * 主管审核结论（主管审核事件）。
   */
  decision?: '同意' | '不同意';
  /**
   * 作出审核的主管单位名称（主管审核事件）。
   */
  reviewer?: string;
  /**
   * 主管审核或上报备案的层级（六安：同级主管单位、县区主管单位）。
   */
  level?: '同级' | '县区' | '市级' | '省级';
  /**
   * 审核意见或说明。
   */
  opinion?: string;
  /**
   * 变更事项（变更备案、信息报备、平台变更）。
   *
   * @minItems 1
   */
  changes?: Change[];
  /**
   * 变更后是否仍纳入政务新媒体监管（自贡附件3 注2）。
   */
  stillSupervised?: boolean;
  /**
   * 系统填报的操作（系统填报事件）；资料留存所属的阶段（资料留存事件）。
   */
  action?: '开设' | '变更' | '关停' | '补录';
  /**
   * 补录时账号的实际状态（只用于补录备案事件；接入本库导入存量账号时按报送系统或主办单位所知填写）：“正常”＝在运行且已在全国政务新媒体信息报送系统中；“已关停”＝已关停的历史账号，补录只为留档。不填时按一般补录备案办理（主管审核、系统填报）。
   */
  status?: '正常' | '已关停';
  /**
   * 公告期（工作日数，开设公告、变更公告或注销公告事件）。
   */
  announcementDays?: number;
  announcementEnd?: DateString;
  /**
   * 证明材料。
   */
  evidence?: Evidence[];
  /**
   * 人员交接：交接的岗位（不写密码）。
   */
  handover?: {
    fromRole: string;
    toRole: string;
    /**
     * 交接时是否已更换口令。
     */
    credentialsRotated?: boolean;
    /**
     * 调离人员是否已作出保密承诺（綦江 第二十三条：规范人员调离制度，做好工作移交、保密承诺、口令更换）。
     */
    confidentialityUndertaking?: boolean;
    /**
     * 接手人员上岗前是否已通过保密审查并完成岗前安全及业务培训（六政办秘〔2021〕148号 第三十二条（二））。
     */
    incomingVetted?: boolean;
  };
  /**
   * 紧急关停（关停备案事件；六政办秘〔2021〕148号 第十一条第二款：因安全、不可抗力或其他异常情况需紧急关停的，应第一时间按程序逐级向县（区）、市、省主管单位报备，涉及网络舆情、信息内容安全、网络安全的还应向宣传、网信、公安等部门报备）。
   */
  emergency?: {
    /**
     * 紧急关停的原因。
     */
    cause: '安全' | '不可抗力' | '其他异常情况';
    /**
     * 涉及的方面（涉及的，还应向宣传、网信、公安等部门报备）。
     */
    concerns?: ('网络舆情' | '信息内容安全' | '网络安全')[];
    /**
     * 已报备的单位。
     */
    reportedTo?: ('县区主管单位' | '市主管单位' | '省主管单位' | '宣传部门' | '网信部门' | '公安部门')[];
    reportedOn?: DateString;
  };
  /**
   * 确认人的职务（密码更换事件；只记录“何时更换”，不得记录密码本身）。
   */
  attestedBy?: string;
  /**
   * 文号、PR 编号或档案号。
   */
  ref?: string;
  /**
   * 备注。
   */
  note?: string;
}
/**
 * 单位意见。
 */
export interface Decision {
  decision: '同意' | '不同意';
  date: DateString;
  /**
   * 作出意见的职务或会议，例如“主要负责人”“党组会议”。
   */
  by?: string;
  /**
   * 意见内容。
   */
  opinion?: string;
}
/**
 * 变更事项：由……变更为……
 */
export interface Change {
  /**
   * 变更事项。
   */
  field:
    | '账号名称'
    | '认证主体'
    | '认证主体分类'
    | '主办单位'
    | '运营单位'
    | '运营模式'
    | '服务外包单位'
    | '管理队伍'
    | '联系电话'
    | '内容类型'
    | 'URL'
    | '其他';
  /**
   * 变更前。
   */
  from: string;
  /**
   * 变更后。
   */
  to: string;
}
/**
 * 证明材料（自府办函〔2021〕62号 第十一条：聊天记录、公告截图、注销完成截图等）。
 */
export interface Evidence {
  /**
   * 材料类型。
   */
  kind: '公告截图' | '公告链接' | '注销完成截图' | '下架截图' | '聊天记录' | '批复文件' | '其他';
  /**
   * 材料位置：URL，或本库 evidence/ 下的相对路径，或档案号。
   */
  ref: string;
  description?: string;
}

// ---- unit.schema.json ----
/**
 * 一个主办单位（单位文件夹中的 unit.json）。单位文件夹就是该单位可以自行修改的范围（CODEOWNERS）。
 */
export interface UnitFile {
  /**
   * 本文件所用模式的相对路径，供编辑器校验与补全。
   */
  $schema: string;
  /**
   * 单位编号：小写字母、数字和连字符，全库唯一，且必须与单位文件夹名一致。
   */
  id: string;
  /**
   * 单位全称，例如“自贡市人民政府办公室”。
   */
  name: string;
  /**
   * 规范简称，例如“市卫健委”。用于命名规则（六政办秘〔2021〕148号 第十三条）。
   */
  shortName?: string;
  /**
   * 单位现用名称的其他写法（全称、规范简称的不同写法），例如“六安市城管局”“六安市城市管理局”。对账、导入和命名规则按 name、shortName 和 aliases 匹配同一单位。旧称不写在这里，写在 formerNames。
   */
  aliases?: string[];
  /**
   * 单位的旧称（机构改革或更名前的名称），例如报送系统或认证信息中仍在使用的旧名称。对账、导入和认证主体的匹配会用到；命名规则不用（名称应包括现用的全称或规范简称，例如六政办秘〔2021〕148号 第十三条）。
   */
  formerNames?: string[];
  /**
   * 单位类型。政府系统：人民政府、政府办公室（主管单位）、政府部门（委办局）、承担行政职能的事业单位、部门下属单位、乡镇街道、内设机构（不得单独开设或认证账号）、开发区管委会（开发区、功能区管委会）、事业单位（学校、医院等公益类事业单位）。政府系统以外：党委及其工作机关（党委、纪委监委、组织部、宣传部等）、人大机关、政协机关、法院、检察院、群团组织（共青团、妇联、工会、科协、残联等）、融媒体中心、村（社区）（村民委员会、居民委员会）。政府系统以外的单位可以登记，只按本库数据规则检查；管理办法只有在其 manifest 的 appliesTo 中列出该类型时才对其适用。
   */
  kind:
    | '人民政府'
    | '政府办公室'
    | '政府部门'
    | '承担行政职能的事业单位'
    | '部门下属单位'
    | '乡镇街道'
    | '内设机构'
    | '开发区管委会'
    | '事业单位'
    | '党委及其工作机关'
    | '人大机关'
    | '政协机关'
    | '法院'
    | '检察院'
    | '群团组织'
    | '融媒体中心'
    | '村（社区）';
  /**
   * 行政层级：中央、省级、市级、县级、乡级、村级（村、社区）。
   */
  level?: '中央' | '省级' | '市级' | '县级' | '乡级' | '村级';
  /**
   * 上级单位编号（部门下属单位、内设机构必填）。
   */
  parent?: string;
  /**
   * 所属地区编号，必须与单位文件夹所在的地区路径一致，例如 "sichuan/zigong"；直接放在 accounts/ 下的单位（如中央单位）为空字符串。
   */
  region: string;
  /**
   * 主管单位编号。留空时为所属地区的主管单位；实行行业、系统统一管理的，填对口管理部门（自府办函〔2021〕62号 第三条）。
   */
  supervisor?: string;
  /**
   * 考核分类（江苏市级通知：县区/功能区、市有关部门和单位两类）。
   */
  scoringClass?: '县区功能区' | '市级部门';
  /**
   * 本单位在代码评审中的审核人（GitHub 用户或团队，例如 "@govmedia-demo/zg-wjw"）。
   */
  reviewers?: string[];
  /**
   * 纳入本库的日期。
   */
  established?: string;
  /**
   * 备注。
   */
  note?: string;
}

// ---- region.schema.json ----
/**
 * 一个地区（地区文件夹中的 region.json）：主管单位、绑定的管理办法、主管单位的审核团队。下级地区同时适用上级地区绑定的办法。
 */
export interface RegionFile {
  /**
   * 本文件所用模式的相对路径，供编辑器校验与补全。
   */
  $schema: string;
  /**
   * 地区编号，等于 accounts/ 下的文件夹路径，例如 "sichuan/zigong"；全国（根）为空字符串。
   */
  id: string;
  /**
   * 地区全称，例如“四川省自贡市”。
   */
  name: string;
  /**
   * 地区层级。
   */
  level: '国家' | '省级' | '市级' | '县级';
  /**
   * 本地区政务新媒体主管单位（一般为本级政府办公室）的单位编号。
   */
  supervisingOffice?: string;
  /**
   * 主管单位名称（本库未收录该单位时填写）。
   */
  supervisingOfficeName?: string;
  /**
   * 绑定的管理办法系列（policies/ 下的文件夹路径，例如 "sichuan/zigong"），按日期选用当时有效的版本。
   */
  policies: string[];
  /**
   * 审核团队（GitHub 用户或团队）。
   */
  reviewers?: {
    /**
     * 主管单位的审核人：开设、关停和关键信息变更须其批准。
     */
    supervisor?: string[];
    /**
     * 本库维护者：管理办法、模式和引擎的修改须其批准（只在根地区填写）。
     */
    maintainers?: string[];
  };
  /**
   * 主管单位对外公开的联系方式：公开网站据此告诉公众谁发布本登记簿、如何核实账号和举报假冒账号。只填单位公开的电话、邮箱、网址或地址，不填个人姓名和手机号。
   */
  publicContact?: {
    /**
     * 受理部门名称，例如“自贡市人民政府办公室政务公开科”（不填时用主管单位名称）。
     */
    name?: string;
    /**
     * 公开的受理电话（单位座机或 12345 热线），例如“12345”“0813-0000000”。
     */
    phone?: string;
    /**
     * 公开的受理邮箱。
     */
    email?: string;
    /**
     * 受理或举报页面的网址。
     */
    url?: string;
    /**
     * 通信地址。
     */
    address?: string;
  };
  /**
   * 本地区接入本库（开始以本库办理备案）的日期。原文没有写明施行日期的办法（manifest 的 inForce 为 "adoption"）绑定在本地区时，只评判此日及以后的办理事项；本地区未填写时取上级地区的，都未填写时取检查当日。
   */
  adoptedOn?: string;
  /**
   * 备注。
   */
  notes?: string;
}

// ---- exception.schema.json ----
/**
 * 经审核的规则例外（policies/exceptions/<编号>.json）：在有效期内，某条规则对某个账号或单位的检查结果列为“按例外放行”，不阻断合并；到期后重新报错。例外由本库维护者和主管单位在单独的合并请求中审核，不得与账号变更混在一起。
 */
export type ExceptionFile = {
  /**
   * 本文件所用模式的相对路径："../../schemas/exception.schema.json"。
   */
  $schema: string;
  /**
   * 例外编号，与文件名一致。
   */
  id: string;
  /**
   * 规则编号，例如 "luan-2021-148/naming-convention"（见 docs/rules.md）。
   */
  rule: string;
  /**
   * 适用的账号编号（与 unit 二选一）。
   */
  account?: string;
  /**
   * 适用的单位编号（单位级规则）。
   */
  unit?: string;
  /**
   * 例外理由，例如“该账号开设于本办法施行之前，已列入整改计划”。
   */
  reason: string;
  /**
   * 批准例外的单位（主管单位）及文号或会议。
   */
  approver: string;
  /**
   * 批准日期。
   */
  approvedOn: string;
  /**
   * 失效日期：当天及以后不再放行，检查会报错提醒。
   */
  expires: string;
} & {
  [k: string]: unknown | undefined;
};

// ---- activity.schema.json ----
/**
 * 日期，格式 YYYY-MM-DD（北京时间）。
 */
export type ActivityDate = string;
/**
 * 日期或日期时间：YYYY-MM-DD，或 YYYY-MM-DDTHH:MM[:SS][时区]；不带时区的按北京时间理解。监测按日期（北京时间）判断。
 */
export type ActivityTime = string;

/**
 * 各账号在某一时点的运行数据（发布、原创、互动），供 govmedia monitor 判断更新频率和留言答复，供 govmedia score 打分。每个账号一行。运行数据不属于登记簿，不得放在 accounts/ 下；本库样例见 docs/samples/。同样的字段也可以用 CSV 提供（列名见 scripts/monitor/README.md）。不得包含任何个人信息（留言人姓名、手机号等）。
 */
export interface ActivityFile {
  /**
   * 本文件所用模式的路径，供编辑器校验与补全。
   */
  $schema?: string;
  asOf?: ActivityDate;
  /**
   * 数据来源说明，例如“各平台后台导出，2026-11-20 汇总”。
   */
  source?: string;
  /**
   * 每个账号一行。
   */
  accounts: ActivityRow[];
}
/**
 * 一个账号的运行数据。
 */
export interface ActivityRow {
  /**
   * 账号编号，与登记簿中账号文件的 id 一致。
   */
  accountId: string;
  lastPost?: ActivityTime;
  lastOriginalPost?: ActivityTime;
  lastReplyToPublic?: ActivityTime;
  /**
   * 数据截止时仍未答复的公众留言数（可选）。
   */
  unansweredMessages?: number;
  oldestUnanswered?: ActivityTime;
  /**
   * 截止日前7天内（含截止日）的发布条数（可选）。
   */
  postsLast7Days?: number;
  /**
   * 截止日前7天内（含截止日）的原创信息条数（可选）。
   */
  originalPostsLast7Days?: number;
}

// ---- acknowledged.schema.json ----
/**
 * 维护者确认的历史提交（policies/audit-acknowledged.json），类似 .git-blame-ignore-revs：govmedia audit 只从被审计的分支末端读取本文件，所列提交的检查结果列为“已由维护者确认”，不计为违规。历史不得改写；本文件只能由维护者修改（CODEOWNERS 中 /policies/ 归维护者）。
 */
export interface AcknowledgedFile {
  /**
   * 本文件所用模式的相对路径："../schemas/acknowledged.schema.json"。
   */
  $schema?: string;
  /**
   * 已确认的提交，每个提交一项。
   *
   * @maxItems 1000
   */
  entries: {
    /**
     * 提交的完整 40 位十六进制编号（git rev-parse 的输出）；须是主分支第一父历史上的提交（合并进来的改动填合并提交）。
     */
    commit: string;
    /**
     * 确认理由（中文），说明为什么该提交不是违规的备案行为。
     */
    reason: string;
    /**
     * 维护者确认的日期。
     */
    acknowledgedOn: string;
    /**
     * 只确认这些规则的检查结果（规则编号，见 docs/rules.md）；不填则确认该提交的全部检查结果。
     *
     * @minItems 1
     * @maxItems 50
     */
    rules?: string[];
  }[];
}
