import Foundation
import HuiwenMarkdown
import HuiwenText

/// `word/charts/chartN.xml`: a chart as DrawingML (`c:chartSpace`), so that Word and WPS show
/// it as their own chart and a colleague can restyle it or edit its figures (the data sit in
/// the workbook beside it, `ChartWorkbook`, which the series' formulas name; the values are
/// cached here too, which is what Word shows and LibreOffice reads).
///
/// It draws what the page's SVG draws: the same title, the same round ticks (the axis's
/// minimum, maximum and major unit are set, not left to Word), fills that differ in lightness
/// with the third series hatched, dashed lines with markers, values with their units, a legend
/// for several series, and a pie's slices labelled with name, value and share. Text is
/// 仿宋_GB2312 10.5 pt, the title 黑体 12 pt, as on the page.
struct WordChartXML {
    let chart: Chart

    static let namespaces = #"xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" "#
        + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
    /// The ids of the category and value axes (any two numbers; they only pair the axes).
    static let categoryAxis = 1001, valueAxis = 1002

    /// The part's XML; `workbook` is the relationship id of the embedded workbook.
    func xml(workbook: String) -> String {
        var xml = WordPackage.xmlDeclaration + "<c:chartSpace \(Self.namespaces)>"
        xml += #"<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>"#
        xml += "<c:chart>"
        xml += "<c:title>" + Self.rich(chart.title, size: 1200, font: WordFont.heiTi) + #"<c:overlay val="0"/></c:title>"#
        xml += #"<c:autoTitleDeleted val="0"/>"#
        xml += "<c:plotArea><c:layout/>"
        xml += plot
        if chart.kind != .pie { xml += axes }
        xml += "</c:plotArea>"
        if chart.kind != .pie, chart.series.count > 1 {
            xml += #"<c:legend><c:legendPos val="t"/><c:overlay val="0"/>"# + Self.textProperties(size: 1050) + "</c:legend>"
        }
        xml += #"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>"#
        xml += "</c:chart>"
        xml += #"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"#
        xml += Self.textProperties(size: 1050)
        xml += #"<c:externalData r:id="\#(workbook)"><c:autoUpdate val="0"/></c:externalData>"#
        return xml + "</c:chartSpace>"
    }

    // MARK: Plot

    private var plot: String {
        switch chart.kind {
        case .bar, .grouped, .stacked:
            var xml = #"<c:barChart><c:barDir val="col"/><c:grouping val="\#(chart.kind == .stacked ? "stacked" : "clustered")"/><c:varyColors val="0"/>"#
            for index in chart.series.indices { xml += barSeries(index) }
            xml += #"<c:gapWidth val="\#(chart.kind == .grouped ? 80 : 150)"/>"#
            if chart.kind == .stacked { xml += #"<c:overlap val="100"/>"# }
            return xml + Self.axisIDs + "</c:barChart>"
        case .line:
            var xml = #"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>"#
            for index in chart.series.indices { xml += lineSeries(index) }
            return xml + #"<c:marker val="1"/>"# + Self.axisIDs + "</c:lineChart>"
        case .pie:
            return #"<c:pieChart><c:varyColors val="1"/>"# + pieSeries + #"<c:firstSliceAng val="0"/></c:pieChart>"#
        }
    }

    private static let axisIDs = #"<c:axId val="\#(categoryAxis)"/><c:axId val="\#(valueAxis)"/>"#

    private func barSeries(_ index: Int) -> String {
        var xml = "<c:ser>" + seriesHead(index)
        xml += "<c:spPr>" + Self.paint(ChartPalette.barFills[index % ChartPalette.barFills.count]) + Self.line(ChartPalette.dark, width: 7620) + "</c:spPr>"
        xml += #"<c:invertIfNegative val="0"/>"#
        // A stack's parts carry their values inside; a bar its value above it.
        xml += labels(unit: chart.series[index].unit, position: chart.kind == .stacked ? "ctr" : "outEnd")
        return xml + data(index) + "</c:ser>"
    }

    private func lineSeries(_ index: Int) -> String {
        let colour = ChartPalette.lineColours[index % ChartPalette.lineColours.count]
        let dash = ChartPalette.lineDashes[index % ChartPalette.lineDashes.count]
        var xml = "<c:ser>" + seriesHead(index)
        xml += #"<c:spPr><a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill><a:prstDash val="\#(dash)"/><a:round/></a:ln></c:spPr>"#
        let markerFill = ChartPalette.markerIsFilled(index) ? colour : "FFFFFF"
        xml += #"<c:marker><c:symbol val="\#(ChartPalette.lineMarkers[index % ChartPalette.lineMarkers.count])"/><c:size val="5"/><c:spPr>"#
            + #"<a:solidFill><a:srgbClr val="\#(markerFill)"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill></a:ln></c:spPr></c:marker>"#
        xml += labels(unit: chart.series[index].unit, position: "t")
        return xml + data(index) + #"<c:smooth val="0"/></c:ser>"#
    }

    private var pieSeries: String {
        var xml = "<c:ser>" + seriesHead(0)
        for point in chart.categories.indices {
            let paint = Self.paint(ChartPalette.pieFills[point % ChartPalette.pieFills.count])
            xml += #"<c:dPt><c:idx val="\#(point)"/><c:bubble3D val="0"/><c:spPr>\#(paint)"#
                + #"<a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>"#
        }
        // Each slice named beside it with its value and its share, as on the page.
        xml += "<c:dLbls>" + Self.numberFormat(unit: chart.series[0].unit) + Self.textProperties(size: 1050)
        xml += #"<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="1"/>"#
        xml += #"<c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:separator>"#
        xml += "\n</c:separator>" + #"<c:showLeaderLines val="1"/></c:dLbls>"#
        return xml + data(0) + "</c:ser>"
    }

    /// `idx`, `order` and the series' name (the workbook's header cell).
    private func seriesHead(_ index: Int) -> String {
        let column = ChartWorkbook.column(index + 1)
        return #"<c:idx val="\#(index)"/><c:order val="\#(index)"/><c:tx><c:strRef><c:f>\#(ChartWorkbook.sheet)!$\#(column)$1</c:f>"#
            + #"<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>\#(XMLText.escaped(chart.series[index].label))</c:v></c:pt></c:strCache></c:strRef></c:tx>"#
    }

    /// The categories and the series' values: formulas into the workbook, with their values.
    private func data(_ index: Int) -> String {
        let last = chart.categories.count + 1
        var xml = #"<c:cat><c:strRef><c:f>\#(ChartWorkbook.sheet)!$A$2:$A$\#(last)</c:f><c:strCache><c:ptCount val="\#(chart.categories.count)"/>"#
        for (point, category) in chart.categories.enumerated() {
            xml += #"<c:pt idx="\#(point)"><c:v>\#(XMLText.escaped(category))</c:v></c:pt>"#
        }
        let column = ChartWorkbook.column(index + 1)
        xml += "</c:strCache></c:strRef></c:cat>"
        xml += #"<c:val><c:numRef><c:f>\#(ChartWorkbook.sheet)!$\#(column)$2:$\#(column)$\#(last)</c:f><c:numCache><c:formatCode>General</c:formatCode>"#
        xml += #"<c:ptCount val="\#(chart.categories.count)"/>"#
        for (point, value) in chart.series[index].values.enumerated() {
            xml += #"<c:pt idx="\#(point)"><c:v>\#(DecimalText.plain(value))</c:v></c:pt>"#
        }
        return xml + "</c:numCache></c:numRef></c:val>"
    }

    /// The values written on the bars or at the points, with the unit.
    private func labels(unit: String, position: String) -> String {
        "<c:dLbls>" + Self.numberFormat(unit: unit) + Self.textProperties(size: 900)
            + #"<c:dLblPos val="\#(position)"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>"#
            + #"<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#
    }

    // MARK: Axes

    private var axes: String {
        let ticks = chart.axisTicks
        var xml = "<c:catAx>"
        xml += #"<c:axId val="\#(Self.categoryAxis)"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>"#
        xml += #"<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>"#
        xml += "<c:spPr>" + Self.line("000000", width: 9525) + "</c:spPr>" + Self.textProperties(size: 1050)
        xml += #"<c:crossAx val="\#(Self.valueAxis)"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>"#
        xml += #"<c:noMultiLvlLbl val="0"/></c:catAx>"#
        xml += "<c:valAx>"
        xml += #"<c:axId val="\#(Self.valueAxis)"/><c:scaling><c:orientation val="minMax"/>"#
        if let high = ticks.last, let low = ticks.first {
            xml += #"<c:max val="\#(DecimalText.plain(high))"/><c:min val="\#(DecimalText.plain(low))"/>"#
        }
        xml += #"</c:scaling><c:delete val="0"/><c:axPos val="l"/>"#
        xml += "<c:majorGridlines><c:spPr>" + Self.line("BFBFBF", width: 6350) + "</c:spPr></c:majorGridlines>"
        xml += #"<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#
        xml += #"<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"# + Self.textProperties(size: 900)
        xml += #"<c:crossAx val="\#(Self.categoryAxis)"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>"#
        if ticks.count > 1 { xml += #"<c:majorUnit val="\#(DecimalText.plain(ticks[1] - ticks[0]))"/>"# }
        return xml + "</c:valAx>"
    }

    // MARK: DrawingML pieces

    /// A value's number format: the value as it is, then the unit (`General"起"`).
    private static func numberFormat(unit: String) -> String {
        let literal = unit.filter { $0 != "\"" && $0 != "\\" }
        let code = literal.isEmpty ? "General" : "General\"" + literal + "\""
        return #"<c:numFmt formatCode="\#(XMLText.escaped(code))" sourceLinked="0"/>"#
    }

    /// A text body holding `text` in one run: the title.
    private static func rich(_ text: String, size: Int, font: String) -> String {
        "<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>" + defaultRun(size: size, font: font) + "</a:pPr>"
            + #"<a:r><a:rPr lang="zh-CN" sz="\#(size)" b="0">\#(fonts(font))</a:rPr><a:t>\#(XMLText.escaped(text))</a:t></a:r></a:p></c:rich></c:tx>"#
    }

    /// Text properties (`c:txPr`): size in hundredths of a point, 仿宋_GB2312 by default.
    private static func textProperties(size: Int, font: String = WordFont.fangSong) -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>" + defaultRun(size: size, font: font) + #"</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>"#
    }

    private static func defaultRun(size: Int, font: String) -> String {
        #"<a:defRPr sz="\#(size)" b="0"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>\#(fonts(font))</a:defRPr>"#
    }

    private static func fonts(_ font: String) -> String {
        #"<a:latin typeface="\#(font)"/><a:ea typeface="\#(font)"/>"#
    }

    /// A palette fill: the colour, or (nil) the page's hatch, dark diagonal lines on white.
    private static func paint(_ colour: String?) -> String {
        guard let colour else {
            return #"<a:pattFill prst="wdUpDiag"><a:fgClr><a:srgbClr val="\#(ChartPalette.dark)"/></a:fgClr>"#
                + #"<a:bgClr><a:srgbClr val="FFFFFF"/></a:bgClr></a:pattFill>"#
        }
        return #"<a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill>"#
    }

    /// A line of `width` EMU.
    private static func line(_ colour: String, width: Int) -> String {
        #"<a:ln w="\#(width)"><a:solidFill><a:srgbClr val="\#(colour)"/></a:solidFill></a:ln>"#
    }
}
