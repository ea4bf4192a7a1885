import HuiwenLayout

/// Documents for the Word writer's tests: a notice with every element, two attachments and
/// every kind of body content, and the `.docx` of a fixture read back.
enum DOCXFixture {
    static let noticeFrontMatter = """
        layout: notice
        copyNumber: "000123"
        secrecy: 机密★1年
        urgency: 特急
        issuer: 湖南省安全生产委员会办公室
        docNumber: 湘安委办〔2026〕1号
        title: 关于认真贯彻落实全国安全生产电视电话会议精神切实做好春节和全国“两会”期间安全生产工作的通知
        recipients: 各市州人民政府，省安委会各成员单位：
        attachments:
          - title: 重点任务分工表
            partial: tasks
          - title: 安全生产检查要点
            partial: points
        signature: 湖南省安全生产委员会办公室
        date: 2026年1月12日
        note: 此件公开发布
        cc: 省委办公厅，省人大常委会办公厅，省政协办公厅，省高级人民法院，省人民检察院。
        printedBy: 湖南省安全生产委员会办公室
        printedDate: 2026年1月12日

        """

    static let noticeBody = """
        2025年，全省各类生产安全事故和死亡人数同比分别下降27.9%和16.7%，安全生产形势总体平稳。为深入贯彻全国安全生产电视电话会议精神，切实做好春节和全国“两会”期间安全生产工作，经省人民政府同意，现就有关事项通知如下：

        ## 提高政治站位，压紧压实安全生产责任

        各地各部门要*坚持人民至上、生命至上*，把安全生产摆在**更加突出的位置**，~~层层传导压力~~层层压实责任[^1]。详见[应急管理部网站](https://www.mem.gov.cn/ "应急管理部")。

        ### 强化组织领导

        一是要健全领导责任体系；二是要完善部门监管责任；三是要压实企业主体责任。

        #### 落实“三个必须”

        1. 管行业必须管安全；
        2. 管业务必须管安全；
        3. 管生产经营必须管安全。

        ##### 加强督导检查

        - 省安委办组织明查暗访；
        - 各市州开展交叉检查。

        > 引用：安全生产工作只有起点，没有终点。

        ```
        check --all  --year 2026
        report > out.txt
        ```

        | 序号 | 地区 | 事故起数 | 同比 |
        |:--:|:--|--:|---|
        | 1 | 长沙市 | 12 | 下降20.0% |
        | 2 | 株洲市 | 8 | 持平 |

        ---

        ## 突出重点行业领域，深化隐患排查整治

        聚焦道路运输、建筑施工、危险化学品、消防、燃气、矿山等重点行业领域，全面排查整治各类风险隐患，行内代码 `npm run check` 仅作示例。全省共检查企业4万家，整改隐患12133处，整改率不足二分之一的地区要专题约谈。

        [^1]: 《中华人民共和国安全生产法》第三条。

        """

    static let partials = [
        "tasks": "| 序号 | 任务 | 牵头单位 | 完成时限 |\n|--:|:--|:-:|--|\n"
            + (1...24).map { "| \($0) | 开展第\($0)项重点任务的排查整治，形成工作台账 | 省应急管理厅 | 2026年3月底 |\n" }.joined(),
        "points": "检查要点如下：\n\n1. 安全生产责任制落实情况；\n2. 隐患排查治理情况。\n",
    ]

    static func notice() throws -> Document {
        try LayoutFixture.document(noticeFrontMatter, body: noticeBody, partials: partials).document
    }

    static func docx(_ frontMatter: String, body: String = "正文。\n", partials: [String: String] = [:]) throws -> DOCXPackageReader {
        let document = try LayoutFixture.document(frontMatter, body: body, partials: partials).document
        return try DOCXPackageReader(DOCXWriter.file(for: document))
    }
}

extension DOCXFixture {
    static let outlineFrontMatter = """
        layout: outline
        title: 在全省安全生产工作会议上的讲话提纲
        subtitle: ——贯彻落实全国安全生产电视电话会议精神
        speaker: 副省长　张三
        date: 2026年1月8日
        salutation: 同志们：

        """

    static let outlineBody = """
        今天，我们召开全省安全生产工作会议，主要任务是传达贯彻全国安全生产电视电话会议精神。下面，我讲几点意见。

        ## 清醒认识当前安全生产形势

        2025年，全省各类生产安全事故起数和死亡人数同比分别下降27.9%和16.7%。

        ## 扎实抓好重点工作

        一是强化责任落实；二是深化隐患排查；三是加强应急准备。

        """
}

extension DOCXFixture {
    /// Text from data or templates that tries to be markup: tags, `&`, `]]>`, quotes, and the
    /// controls XML 1.0 forbids (as YAML escapes), in every element that takes text.
    static let hostileFrontMatter: String = {
        let hostile = "<script>alert(\\\"x\\\")</script> & ]]> \\x01\\x08\\x0B\\x1F end"
        return """
            layout: notice
            title: "\(hostile)"
            issuer: "\(hostile)"
            recipients: "\(hostile)"
            attachments:
              - title: "\(hostile)"
            cc: "\(hostile)"
            printedBy: "\(hostile)"

            """
    }()

    /// A body with the same, and U+FFFE, U+FFFF, a link whose URL and title hold quotes and tags.
    static let hostileBody = "正文 `<script>` a & b\u{FFFE} ]]>\u{FFFF} \u{01}\u{0B} [链接](https://example.com/a?b=1&c=\"d\" \"t<i>t\") 与 <b>raw</b>。\n"
}
