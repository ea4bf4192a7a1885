import Foundation
import HuiwenText

/// A chart of a document body (`MarkdownBlock.chart`): what a ```` ```chart ```` block's spec
/// resolved to, with its figures read from the data. The page shows it as an SVG
/// (`ChartSVG`), the Word writer as a native chart; both draw the same value.
///
/// ```swift
/// Chart(kind: .grouped, title: "事故起数和死亡人数", categoryName: "年份", categories: ["2024年", "2025年"],
///       series: [.init(label: "事故起数", unit: "起", values: [12460, 8984]),
///                .init(label: "死亡人数", unit: "人", values: [3612, 3009])])
/// ```
public struct Chart: Sendable, Hashable {
    /// The chart types a spec's `type:` names.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// One series, one bar per category.
        case bar
        /// Several series side by side in each category.
        case grouped
        /// Several series stacked in one bar per category.
        case stacked
        /// Each series a line through the categories.
        case line
        /// One series, each category a slice of the whole.
        case pie
    }

    /// One row of figures: a value per category.
    public struct Series: Sendable, Hashable {
        /// The legend's name of the series.
        public var label: String
        /// Written after each value: `起`, `人`, `%`; "" for none.
        public var unit: String
        /// One per category, in the categories' order.
        public var values: [Decimal]

        public init(label: String, unit: String = "", values: [Decimal]) {
            self.label = label
            self.unit = unit
            self.values = values
        }
    }

    public var kind: Kind
    /// The caption above the chart, and its accessible name.
    public var title: String
    /// What the categories are (the spec's `x` key, `年份`): the first column of the data.
    public var categoryName: String
    /// The labels along the axis (the slices of a pie), in order.
    public var categories: [String]
    public var series: [Series]
    /// A line under the chart (its source, a remark); "" for none.
    public var note: String

    public init(
        kind: Kind, title: String, categoryName: String = "", categories: [String], series: [Series], note: String = ""
    ) {
        self.kind = kind
        self.title = title
        self.categoryName = categoryName
        self.categories = categories
        self.series = series
        self.note = note
    }
}

extension Chart {
    /// A value with its unit, as the chart prints it: `12460起`, `3.4%`.
    public static func text(of value: Decimal, unit: String) -> String {
        DecimalText.plain(value) + unit
    }

    /// The figures in words, for readers who cannot see the chart (the SVG's `<desc>`, the
    /// Word chart's alternative text): `2024年：事故起数12460起，死亡人数3612人；2025年：…。`
    /// (one series: `长沙市：1328起；…`).
    public var summary: String {
        let rows = categories.indices.map { index in
            let values = series.map { series in
                (self.series.count > 1 ? series.label : "") + Self.text(of: series.values[index], unit: series.unit)
            }
            return categories[index] + "：" + values.joined(separator: "，")
        }
        return rows.joined(separator: "；") + "。"
    }
}

extension Chart {
    /// The value axis's ticks as the page draws them (round steps from a tick at or below the
    /// lowest value and 0 to one at or above the highest; stacks by their totals), for writers
    /// that draw an axis of their own; empty for a pie.
    public var axisTicks: [Decimal] {
        guard kind != .pie, !categories.isEmpty else { return [] }
        let values = series.map { $0.values.map(ChartScale.double) }
        var low = 0.0
        var high = 0.0
        for index in categories.indices {
            if kind == .stacked {
                high = max(high, values.reduce(0) { $0 + $1[index] })
            } else {
                for series in values {
                    low = min(low, series[index])
                    high = max(high, series[index])
                }
            }
        }
        return ChartScale(minimum: low, maximum: high).ticks
    }
}
