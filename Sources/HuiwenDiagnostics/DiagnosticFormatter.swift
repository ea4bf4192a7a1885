/// Turns diagnostics into the text a user or a tool reads.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`; with `showsSource`, the source line and a caret follow.
    case text
    /// The text form plus a GitHub Actions `::error file=…,line=…,col=…::message` line.
    case github
    /// One JSON object per line: `{"file":…,"line":…,"column":…,"severity":…,"message":…}`.
    case json
}

public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// Show the source line and a caret under the column (on a terminal).
    public var showsSource: Bool

    public init(format: DiagnosticFormat = .text, showsSource: Bool = false) {
        self.format = format
        self.showsSource = showsSource
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        switch format {
        case .text:
            return textForm(diagnostic)
        case .github:
            return textForm(diagnostic) + "\n" + githubForm(diagnostic)
        case .json:
            return jsonForm(diagnostic)
        }
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { format($0) }.joined(separator: "\n")
    }

    private func textForm(_ diagnostic: Diagnostic) -> String {
        var result = diagnostic.description
        if showsSource, let line = diagnostic.sourceLine, let column = diagnostic.location?.column, column > 0 {
            result += "\n" + line + "\n" + Self.caretPadding(for: line, column: column) + "^"
        }
        return result
    }

    private func githubForm(_ diagnostic: Diagnostic) -> String {
        let kind = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(Self.escapeProperty(location.path))")
            if location.line > 0 {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        let head = properties.isEmpty ? "::\(kind)" : "::\(kind) " + properties.joined(separator: ",")
        return head + "::" + Self.escapeData(diagnostic.message)
    }

    private func jsonForm(_ diagnostic: Diagnostic) -> String {
        var fields: [String] = []
        if let location = diagnostic.location {
            fields.append("\"file\":\(Self.jsonString(location.path))")
            fields.append("\"line\":\(location.line)")
            fields.append("\"column\":\(location.column)")
        }
        fields.append("\"severity\":\(Self.jsonString(diagnostic.severity.rawValue))")
        fields.append("\"message\":\(Self.jsonString(diagnostic.message))")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Spaces (and tabs, kept as tabs) that put a caret under `column`; East Asian wide
    /// characters take two terminal cells.
    static func caretPadding(for line: String, column: Int) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            if scalar == "\t" {
                padding += "\t"
            } else {
                padding += String(repeating: " ", count: isWide(scalar) ? 2 : 1)
            }
        }
        return padding
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }

    /// A JSON string literal, escaped per RFC 8259.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
