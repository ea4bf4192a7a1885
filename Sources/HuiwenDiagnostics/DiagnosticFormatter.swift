/// Turns diagnostics into the text a user or a tool reads.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`, then the source line and a caret under the column.
    case text
    /// The text form plus a GitHub Actions `::error file=…,line=…,col=…::message` line.
    case github
    /// One JSON object per line: `{"file":…,"line":…,"column":…,"severity":…,"message":…}`.
    case json
}

/// Formats diagnostics as clang does: the source line and a caret follow each message whether
/// or not it goes to a terminal (a CI log shows them too); colour only when asked for, on a
/// terminal. Text from the user's files (the line, names and values in messages) is shown with
/// its control characters made visible, so a file cannot move the cursor or recolour a log.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// Show the source line and a caret under the column (the text and GitHub forms).
    public var showsSource: Bool
    /// ANSI colour: bold positions, red errors, a green caret (for a terminal).
    public var colors: Bool

    public init(format: DiagnosticFormat = .text, showsSource: Bool = true, colors: Bool = false) {
        self.format = format
        self.showsSource = showsSource
        self.colors = colors
    }

    /// The widest source line shown, in columns; a longer one is cut to a window around the
    /// column, with "…" where it is cut (a minified line can hold megabytes).
    public static let maxSourceWidth = 120

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
        let severity = diagnostic.severity.rawValue + ":"
        let message = Self.visible(diagnostic.message)
        var result: String
        let place = diagnostic.location.map { $0.line == 0 ? $0.path : $0.description }.map(Self.visible)
        if colors {
            let color = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "35" : "36"
            result = (place.map { "\u{1B}[1m\($0): " } ?? "\u{1B}[1m") + "\u{1B}[\(color)m\(severity)\u{1B}[0m\u{1B}[1m \(message)\u{1B}[0m"
        } else {
            result = (place.map { "\($0): " } ?? "") + severity + " " + message
        }
        if showsSource, let line = diagnostic.sourceLine, let column = diagnostic.location?.column, column > 0 {
            let (shown, shownColumn) = Self.window(of: Self.visible(line), column: column)
            let caret = Self.caretPadding(for: shown, column: shownColumn) + (colors ? "\u{1B}[1;32m^\u{1B}[0m" : "^")
            result += "\n" + shown + "\n" + caret
        }
        return result
    }

    /// At most `maxSourceWidth` scalars of `line` around `column`, "…" marking a cut, and the
    /// column of the same character in what is shown.
    static func window(of line: String, column: Int) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maxSourceWidth else { return (line, column) }
        let half = maxSourceWidth / 2
        let index = min(max(column - 1, 0), scalars.count)
        let start = max(0, min(index - half, scalars.count - maxSourceWidth))
        let end = min(scalars.count, start + maxSourceWidth)
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        return (String(text), index - start + (start > 0 ? 1 : 0) + 1)
    }

    /// `text` with C0 controls (but tab and line feed) shown as their control pictures (␛ for
    /// ESC, ␍ for a carriage return), DEL as ␡ and C1 controls as U+FFFD: one column each, so
    /// the caret stays under its character.
    static func visible(_ text: String) -> String {
        func isHidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: result.append(scalar)
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            case 0x80...0x9F: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
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
        return head + "::" + Self.escapeData(Self.visible(diagnostic.message))
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
