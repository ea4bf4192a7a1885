import Foundation
import HuiwenDiagnostics
import HuiwenLayout

/// `huiwen init DIR`: a new document project that builds at once: a notice and a speech
/// outline with their sample data (one table of it an Excel workbook, as a secretariat keeps
/// it), the partials of the notice's two attachment tables, the built-in layouts copied into
/// `templates/layouts/` (to adapt), and an empty `output/`.
public enum ProjectScaffold {
    /// The files of a new project, by path relative to its root.
    public static let files: [(path: String, contents: Data)] = [
        ("README.md", readme),
        // The note of which huiwen built output/ differs from machine to machine.
        (".gitignore", "output/.huiwen-cache\n"),
        ("data/meeting.yaml", meeting),
        ("data/statistics.yaml", statistics),
        ("data/actions.yaml", actions),
        ("templates/notice.md", notice),
        ("templates/outline.md", outline),
        ("templates/partials/task-table.md", taskTable),
        ("templates/partials/district-table.md", districtTable),
    ].map { ($0.0, Data($0.1.utf8)) } + [("data/districts.xlsx", districtsWorkbook)]
        + (BuiltinLayouts.names + ["index"]).compactMap { name in
            BuiltinLayouts.source(named: name).map { ("templates/layouts/\(name).html", Data($0.utf8)) }
        }

    /// Writes the project into `directory`, which must be absent or empty: nothing that is
    /// there already is ever overwritten.
    public static func create(at directory: URL) throws(Diagnostic) {
        let manager = FileManager.default
        let displayPath = directory.relativePath
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Diagnostic(path: displayPath, "exists and is not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            guard contents.isEmpty else {
                throw Diagnostic(path: displayPath, "is not empty; huiwen init only writes into a new or empty folder")
            }
        }
        do {
            for (path, contents) in files {
                let url = directory.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, options: .atomic)
            }
            try manager.createDirectory(at: directory.appendingPathComponent("output"), withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(path: displayPath, "cannot create the project (\(error.localizedDescription))")
        }
    }

    static let readme = """
        # 会议文稿项目

        本项目由 `huiwen init` 生成。

        - `data/`：会议的统计数字和工作任务（YAML、JSON、CSV 或 Excel 工作簿 `.xlsx`）。`districts.xlsx` 是各区县的统计表，直接用 Excel 或 WPS 编辑：第一行是表名，第二、三行是表头，“事故起数”“死亡人数”下面的 `current`（本期）、`previous`（去年同期）是模板读取的名称，不要改。
        - `templates/`：文稿模板，每个 `.md` 文件生成一份文稿；`templates/partials/` 放可复用的片段，`templates/layouts/` 放版式。
        - `output/`：生成的文稿。

        生成全部文稿：`huiwen build`；预览：`huiwen serve`；检查数据和模板：`huiwen check`。

        """

    static let meeting = """
        # 会议的基本情况。模板中写作 {{meeting.title}} 等。
        title: 全市安全生产工作会议
        issuer: 某某市安全生产委员会办公室
        year: 2026
        serial: 1
        date: 2026-01-08
        noticeDate: 2026-01-09
        recipients: 各区县人民政府，市安委会各成员单位
        speaker: 某某市人民政府副市长

        """

    static let statistics = """
        # 原始数字：百分比由模板中的 change、share 等计算，不要手工填写。
        period: 2025年
        accidents:
          current: 412
          previous: 520
        deaths:
          current: 96
          previous: 110

        """

    static let actions = """
        - title: 加强组织领导
          detail: 各单位主要负责同志要亲自部署，把责任落实到岗位和人员。
          lead: 市安委会办公室
          partners: [各区县人民政府]
          due: 2026-02-10
        - title: 开展安全生产大检查
          detail: 对重点行业企业开展全面检查，发现的问题限期整改。
          lead: 市应急管理局
          partners: [市住房和城乡建设局, 市交通运输局]
          due: 2026-02-20

        """

    static let notice = """
        ---
        layout: notice
        title: 关于贯彻落实{{meeting.title}}精神的通知
        issuer: "{{meeting.issuer}}"
        docNumber: 安委办〔{{meeting.year}}〕{{meeting.serial}}号
        recipients: "{{meeting.recipients}}："
        attachments:
          - title: 重点任务分工表
            partial: task-table
          - title: 各区县生产安全事故统计表
            partial: district-table
        signature: "{{meeting.issuer}}"
        date: "{{date(meeting.noticeDate)}}"
        printedBy: "{{meeting.issuer}}"
        printedDate: "{{date(meeting.noticeDate)}}"
        ---
        {{statistics.period}}，全市生产安全事故起数和死亡人数同比分别{{change(statistics.accidents)}}和{{rate(statistics.deaths)}}。现就有关工作通知如下：

        {{#actions}}
        ## {{title}}

        {{detail}}

        {{/actions}}
        特此通知。

        """

    static let outline = """
        ---
        layout: outline
        title: 在{{meeting.title}}上的讲话提纲
        speaker: "{{meeting.speaker}}"
        date: "{{date(meeting.date)}}"
        salutation: 同志们：
        ---
        {{statistics.period}}，全市生产安全事故起数同比{{change(statistics.accidents)}}。下面，我讲几点意见。

        ## 抓好重点工作

        {{#actions}}
        {{@cn}}要{{title}}。{{detail}}

        {{/actions}}

        """

    static let taskTable = """
        | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
        |:-:|---|---|---|---|
        {{#actions}}
        | {{@number}} | {{title}} | {{lead}} | {{join(partners)}} | {{date(due)}}前 |
        {{/actions}}

        """

    /// Reads `data/districts.xlsx`: one row per district, the figures under the header's
    /// 事故起数 and 死亡人数.
    static let districtTable = """
        | 区县 | 事故起数 | 去年同期 | 同比 | 死亡人数 | 去年同期 | 同比 |
        |---|--:|--:|---|--:|--:|---|
        {{#districts}}
        | {{区县}} | {{事故起数.current}} | {{事故起数.previous}} | {{change(事故起数)}} | {{死亡人数.current}} | {{死亡人数.previous}} | {{change(死亡人数)}} |
        {{/districts}}

        """
}
