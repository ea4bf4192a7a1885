/// The CSS of the built-in layouts, inlined into each page (no external request).
///
/// The GB/T 9704-2012 figures come from ../shared/reference/gbt9704.md section 5 (measured in
/// headless Chromium 156) and were re-measured for these layouts; see docs/layouts.md.
/// None of this text may contain a double brace: it sits inside Mustache templates.
enum LayoutStyles {
    /// Page box, grid, fonts and body typography shared by `notice` and `outline`.
    static let official = #"""
        /* GB/T 9704-2012: A4, 版心 156 × 225 mm at 28 mm left, 37 mm top; 22 lines × 28 characters */
        @page { size: A4; margin: calc(37mm - 6.475pt) 26mm 35mm 28mm; }  /* top minus half-leading */
        @page :right { @bottom-right { content: "— " counter(page) " —"; margin-right: 1em;
          font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", "FandolSong", serif; letter-spacing: 0;
          vertical-align: top; padding-top: 3.66mm; } }  /* dash 7 mm below the 版心, 1 字 in */
        @page :left { @bottom-left { content: "— " counter(page) " —"; margin-left: 1em;
          font: 14pt/1 "SimSun", "宋体", "Noto Serif CJK SC", "FandolSong", serif; letter-spacing: 0;
          vertical-align: top; padding-top: 3.66mm; } }
        :root {
          color-scheme: light;
          --hang: 28.95pt;  /* one 行: 225 mm / 22 */
          --rtrim: 0.4mm;   /* keeps the 28th character's box inside the 版心 */
          --fs: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "FandolFang", "Noto Serif CJK SC", serif;
          --hei: "黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "FandolHei", "WenQuanYi Zen Hei", sans-serif;
          --kai: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "FandolKai", "AR PL UKai CN", "LXGW WenKai", serif;
          --xbs: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "Noto Serif CJK SC", serif;
          --red: #e60000;
          /* the 标志's block: from the 版心 top to the foot of its 36 pt line (ink top at 72 mm) */
          --issuer-block: calc(35mm + 6.475pt - 0.82mm + 36pt);
        }
        html { background: #fff; }
        body { display: flow-root; margin: 0; padding: 0 var(--rtrim) 0 0;
          font: 16pt/var(--hang) var(--fs); letter-spacing: -0.3pt;  /* 28 characters fit, 29 do not */
          text-align: justify; text-spacing-trim: space-all; orphans: 1; widows: 1; color: #000;
          -webkit-text-size-adjust: none; text-size-adjust: none; }
        p { margin: 0; text-indent: 2em; }
        /* Headings: the Markdown stage writes 一、（一）1.（1） into h2..h5; all 3号, none bold */
        h1, h2, h3, h4, h5, h6 { margin: 0; font-size: 16pt; font-weight: normal; line-height: var(--hang);
          text-indent: 2em; break-after: avoid; }
        h2 { font-family: var(--hei); }
        h3 { font-family: var(--kai); }
        h4, h5, h6 { font-family: var(--fs); }
        /* Titles: 2号 on one grid line a line, so that every line below stays on the 22-line grid */
        .text h1 { font: 22pt/var(--hang) var(--xbs); text-align: center; text-indent: 0; letter-spacing: 0; }
        .title, .attachment-title { margin: 0 calc(-1 * var(--rtrim)) 0 0; font: 700 22pt/var(--hang) var(--xbs);
          letter-spacing: 0; text-align: center; text-indent: 0; text-wrap: balance; font-synthesis: none; }
        strong, b { font-weight: bold; }
        em, i { font-style: normal; font-family: var(--kai); }
        a { color: inherit; text-decoration: none; }
        ul, ol { margin: 0; padding: 0; list-style-position: inside; }
        li { text-indent: 2em; }
        ol > li::marker { content: counter(list-item) "."; }
        li > p { display: inline; text-indent: 0; }
        li > p + p { display: block; text-indent: 2em; }
        blockquote { margin: 0 0 0 2em; }
        pre { margin: 0; white-space: pre-wrap; font: 12pt/var(--hang) monospace; letter-spacing: 0; }
        code { font-size: .85em; letter-spacing: 0; }
        hr { border: 0; border-top: 0.25mm solid #000; margin: calc(var(--hang) / 2 - 0.125mm) 0; }
        img, svg { max-width: 100%; height: auto; }
        figure { margin: 0; text-align: center; text-indent: 0; break-inside: avoid; }
        /* Tables (the task table of an attachment): 仿宋 小四, bordered, header repeated on each page */
        table { width: 100%; border-collapse: collapse; margin: calc(var(--hang) / 2) 0;
          font-size: 12pt; line-height: 1.5; letter-spacing: 0; text-indent: 0; text-align: left; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.5pt solid #000; padding: 0.2em 0.4em; vertical-align: middle; }
        th { font-family: var(--hei); font-weight: normal; text-align: center; white-space: nowrap; }
        th[align="left"], td[align="left"] { text-align: left; }
        th[align="center"], td[align="center"] { text-align: center; }
        th[align="right"], td[align="right"] { text-align: right; }
        td p, th p { text-indent: 0; }
        .footnotes { font-size: 14pt; }
        @media print {
          * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        /* On screen: an A4 sheet on a grey desk, same measure as in print */
        @media screen {
          html { background: #d9d9d5; }
          body { box-sizing: content-box; width: calc(156mm - var(--rtrim)); min-height: 225mm;
            padding: calc(37mm - 6.475pt) calc(26mm + var(--rtrim)) 35mm 28mm; margin: 24px auto;
            background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
          .attachment { position: relative; margin-top: calc(3 * var(--hang)); }
          .attachment::before { content: ""; position: absolute; top: calc(-1.5 * var(--hang));
            left: -28mm; right: calc(-26mm - var(--rtrim)); border-top: 1px dashed #b5b5b0; }
        }
        """#

    /// The 版头, 主体 and 版记 elements of the notice (deployment notice, 通知).
    static let notice = #"""
        /* 版头 */
        .masthead { position: relative; display: flow-root; }
        .marks p { margin: 0; text-indent: 0; letter-spacing: 0; }
        .masthead .marks { position: absolute; top: 0; left: 0; }
        .secrecy, .urgency { font-family: var(--hei); }
        .issuer { margin: calc(35mm + 6.475pt - 0.82mm) calc(-1 * var(--rtrim)) 0 0;  /* ink top at 72 mm */
          font: 700 36pt/1 var(--xbs); color: var(--red); letter-spacing: 0; text-align: center;
          text-indent: 0; font-synthesis: none; }
        .issuer span { display: inline-block; transform-origin: 0 50%; }  /* the script narrows a long name */
        /* 文号 two lines below the 标志, on grid line 8; the red rule 1.87 mm under it, the
           title two lines below on grid line 11: the body below the 版头 stays on the grid */
        .doc-number { margin: calc(7 * var(--hang) - var(--issuer-block)) calc(-1 * var(--rtrim)) 0 0; text-align: center;
          text-indent: 0; letter-spacing: 0; }
        .red-rule { height: 0; margin: 1.87mm calc(0.25mm - var(--rtrim)) 0 0.25mm; border: 0;
          box-shadow: 0 0 0 0.25mm var(--red); }  /* 0.5 mm; box-shadow prints the exact width */
        .issuer + .red-rule { margin-top: calc(8 * var(--hang) - var(--issuer-block) + 1.87mm); }
        .masthead + .title { margin-top: calc(2 * var(--hang) - 1.87mm); }
        .marks + .title { margin-top: var(--hang); }
        /* 主体 */
        .recipients { margin-top: var(--hang); text-indent: 0; }
        .annex-note { position: relative; margin-top: var(--hang); padding-left: 5em; text-indent: 0; }
        .annex-label { position: absolute; top: 0; left: 2em; }
        .annex-list { list-style: none; }
        .annex-list li { display: flex; text-indent: 0; }
        .annex-list li::marker { content: none; }
        .annex-number { flex: none; }
        .annex-name { flex: 1; min-width: 0; }
        /* 署名 and 成文日期 without a seal: 署名 2 字 from the right, the date 2 字 further right */
        .signature { width: fit-content; margin: var(--hang) calc(2em - var(--rtrim)) 0 auto; break-inside: avoid; }
        .signature p { text-indent: 0; text-align: left; }
        .signature .date { padding-left: 2em; white-space: nowrap; }
        .signature > .date:first-child { padding-left: 0; }
        .note { text-indent: 2em; }
        /* 附件: a new page, label on line 1, title on line 3 */
        .attachment { break-before: page; }
        .attachment-label { margin: 0; font-family: var(--hei); text-indent: 0; letter-spacing: 0; }
        .attachment-title { margin-top: var(--hang); margin-bottom: var(--hang); }
        /* 版记: 4号; rules 0.35 / 0.25 / 0.35 mm; the script below moves it to the last page's foot */
        .colophon { margin: calc(2 * var(--hang)) calc(-1 * var(--rtrim)) 0 0; font-size: 14pt; letter-spacing: 0; break-inside: avoid; }
        .colophon-rules { position: relative; }
        .colophon p { margin: 0; text-indent: 0; }
        .colophon-rules::before, .colophon-rules::after, .cc + .imprint::before { content: ""; position: absolute;
          left: .175mm; right: .175mm; height: 0; box-shadow: 0 0 0 .175mm #000; }
        .colophon-rules::before { top: 0; }
        .colophon-rules::after { bottom: 0; }
        .colophon .cc { padding: 0 1em 0 4em; text-indent: -3em; }  /* wrapped lines align after 抄送： */
        .imprint { position: relative; display: flex; justify-content: space-between; padding: 0 1em; }
        .cc + .imprint::before { top: 0; left: .125mm; right: .125mm; box-shadow: 0 0 0 .125mm #000; }
        .printed-date { margin-left: auto; }
        .colophon.measure { margin-top: 0; }
        @media print {
          .colophon.placed { margin-top: 0; padding-top: var(--colophon-gap, 0px); }
          .colophon.own-page { break-before: page; }
        }
        """#

    /// The speech outline (讲话提纲): title, a 楷体 line of speaker and date, the body.
    static let outline = #"""
        .speech-head { margin-bottom: var(--hang); }
        .subtitle, .byline { margin: 0 calc(-1 * var(--rtrim)) 0 0; font-family: var(--kai);
          text-align: center; text-indent: 0; letter-spacing: 0; }
        .title + .byline { margin-top: var(--hang); }  /* whole lines: the body stays on the grid */
        .salutation { text-indent: 0; }
        """#

    /// A clean reading page (`plain`): no 版头, no grid, printable on A4.
    static let plain = #"""
        :root { color-scheme: light; }
        html { background: #f4f4f2; }
        body { margin: 0; color: #1a1a1a;
          font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", serif;
          font-size: 16pt; line-height: 1.8; }
        .page { max-width: 156mm; margin: 2rem auto; padding: 28mm; background: #fff;
          box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
        h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif;
          font-size: 22pt; font-weight: 700; font-synthesis: none; text-align: center; line-height: 1.5; margin: 0 0 1em; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: .5em 0 0; }
        h3 { font-family: "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "FandolKai", "AR PL UKai CN", serif; font-size: 16pt; font-weight: normal; margin: 0; }
        h4, h5, h6 { font-size: 16pt; font-weight: normal; margin: 0; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        table { border-collapse: collapse; margin: .5em 0; width: 100%; font-size: 12pt; line-height: 1.5; }
        th, td { border: 1px solid #555; padding: .2em .4em; }
        th { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
        li p { text-indent: 0; }
        img, svg { max-width: 100%; height: auto; }
        code { font-size: .85em; }
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        @media print {
          html { background: none; }
          .page { margin: 0; padding: 0; box-shadow: none; max-width: none; }
        }
        """#
}
