import Foundation
import HuiwenData
import HuiwenDiagnostics
import OrderedCollections

/// A template helper (`{{percent(statistics.share)}}`): takes the argument's value and the tag's
/// position, returns the value to insert, or throws a diagnostic positioned at the tag.
public typealias TemplateHelper = @Sendable (Value, SourceLocation) throws(Diagnostic) -> Value

/// The helpers of DESIGN.md's template language, on exact `Decimal`s with half-up rounding.
///
/// `TemplateHelpers.standard["percent"]?(.number(0.2789), location)` → `.string("27.9%")`.
public enum TemplateHelpers {
    /// Every helper by the name a template calls it.
    public static let standard: [String: TemplateHelper] = [
        "cn": cn,
        "percent": percent,
        "change": change,
        "rate": rate,
        "delta": delta,
        "share": share,
        "wan": wan,
        "fraction": fraction,
        "date": date,
        "cndate": cndate,
        "join": join,
        "count": count,
    ]
}

// MARK: - Reading arguments

extension TemplateHelpers {
    /// How a helper describes what it got: the type, and for a map its keys.
    static func describe(_ value: Value) -> String {
        if let entries = value.mapEntries {
            let keys = entries.keys.map { "'\($0)'" }.joined(separator: ", ")
            return entries.isEmpty ? "an empty map" : "a map with \(keys)"
        }
        switch value.kind {
        case .string(let text): return "string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .number(let number): return "number \(number)"
        default: return value.typeName
        }
    }

    static func failure(_ helper: String, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, "\(helper): \(message)")
    }

    static func number(_ value: Value, helper: String, at location: SourceLocation) throws(Diagnostic) -> Decimal {
        guard let number = value.numberValue else {
            throw failure(helper, "expects a number, got \(describe(value))", at: location)
        }
        return number
    }

    /// The entries of a map argument with the required keys present, or an error naming the
    /// first missing key.
    static func entries(
        _ value: Value, helper: String, shape: String, required: [String], at location: SourceLocation
    ) throws(Diagnostic) -> OrderedDictionary<String, Value> {
        guard let entries = value.mapEntries else {
            throw failure(helper, "expects a map \(shape), got \(describe(value))", at: location)
        }
        for key in required where entries[key] == nil {
            throw failure(helper, "needs '\(key)' in its map \(shape), got \(describe(value))", at: location)
        }
        // The map itself: rebuilding it as a Dictionary cost more than the helper's arithmetic.
        return entries
    }

    /// The number under `key` of a map argument.
    static func number(
        in entries: OrderedDictionary<String, Value>, _ key: String, helper: String, at location: SourceLocation
    ) throws(Diagnostic) -> Decimal {
        guard let value = entries[key] else {
            throw failure(helper, "needs '\(key)'", at: location)
        }
        guard let number = value.numberValue else {
            throw failure(helper, "'\(key)' must be a number, got \(describe(value))", at: location)
        }
        return number
    }

    /// The largest magnitude `cn` spells: below 10^16.
    static let wholeNumberLimit: Int64 = 10_000_000_000_000_000

    /// A whole number below `wholeNumberLimit`; nil when it has a fraction or is too large.
    static func integer(_ number: Decimal) -> Int64? {
        guard number == DecimalFormatting.rounded(number, places: 0),
            number > -Decimal(wholeNumberLimit), number < Decimal(wholeNumberLimit)
        else { return nil }
        return Int64(number.description)
    }
}
