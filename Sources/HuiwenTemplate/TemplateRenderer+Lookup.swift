import Foundation
import HuiwenData
import HuiwenDiagnostics
import HuiwenText

extension TemplateRenderer {
    /// The value of a tag's expression, or nil when there is nothing to insert. Errors (only
    /// when a value is required) are reported here, so callers just skip on nil.
    mutating func evaluate(_ expression: TemplateExpression, at location: SourceLocation, forSection: Bool) -> Value? {
        switch expression {
        case .path(let path):
            // A section over an absent key is optional content, never an error.
            return resolve(path, at: location, required: options.strict && !forSection)
        case .helper(let name, let argumentPath):
            guard let helper = options.helpers[name] else {
                var message = "unknown helper '\(name)'"
                if let near = NameSuggester.closest(to: name, among: options.helpers.keys.sorted()) {
                    message += "; did you mean '\(near)'?"
                }
                report(Diagnostic(at: location, message))
                return nil
            }
            guard let argument = resolve(argumentPath, at: location, required: options.strict) else { return nil }
            do throws(Diagnostic) {
                return try helper(argument, location)
            } catch {
                report(error)
                return nil
            }
        }
    }

    /// Looks a name up the context stack as Mustache does: the first key of a dotted name is
    /// searched from the innermost context outwards, the rest only inside what it found.
    mutating func resolve(_ path: NamePath, at location: SourceLocation, required: Bool) -> Value? {
        switch path {
        case .implicit:
            if stack.count == 1, options.recordsInputs { inputs.rootNames.insert(TemplateInputs.wholeContext) }
            lowestFrameRead = min(lowestFrameRead, stack.count - 1)
            return stack.last?.value
        case .special(let name):
            let level = stack.lastIndex(where: { $0.index >= 0 })
            lowestFrameRead = min(lowestFrameRead, level ?? -1)
            guard let level else {
                if required {
                    report(Diagnostic(at: location, "'@\(name.rawValue)' is only defined inside a section over a list"))
                }
                return nil
            }
            let item = stack[level]
            switch name {
            case .number: return .number(Decimal(item.index + 1))
            case .index: return .number(Decimal(item.index))
            case .cn: return .string(ChineseNumeral.string(for: item.index + 1))
            case .first: return .bool(item.index == 0)
            case .last: return .bool(item.index == item.count - 1)
            }
        case .keys(let keys):
            guard let head = keys.first else { return nil }
            var found: Value?
            // Indices rather than `reversed()`: no copy of each frame on the way.
            var level = stack.count - 1
            while level >= 0 {
                if case .map(let entries) = stack[level].value.kind, let value = entries[head] {
                    found = value
                    break
                }
                level -= 1
            }
            if level <= 0, options.recordsInputs { inputs.rootNames.insert(head) }
            lowestFrameRead = min(lowestFrameRead, level)
            guard var current = found else {
                if required { reportUndefined(keys, failingAt: 0, container: nil, at: location) }
                return nil
            }
            var position = 1
            while position < keys.count {
                let key = keys[position]
                var next: Value?
                switch current.kind {
                case .map(let entries): next = entries[key]
                case .list(let items): next = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
                default: next = nil
                }
                guard let next else {
                    if required { reportUndefined(keys, failingAt: position, container: current, at: location) }
                    return nil
                }
                current = next
                position += 1
            }
            return current
        }
    }

    /// "'statistics.acidents' is not defined; did you mean 'statistics.accidents'?", with
    /// candidates from what is visible at the tag: every map on the stack for the first key,
    /// the map reached so far for the others.
    private mutating func reportUndefined(_ keys: [String], failingAt position: Int, container: Value?, at location: SourceLocation) {
        let full = keys.joined(separator: ".")
        var message = "'\(full)' is not defined"
        var candidates: [String] = []
        if let container {
            let reached = keys[..<position].joined(separator: ".")
            guard let entries = container.mapEntries else {
                report(Diagnostic(at: location, message + ": '\(reached)' is a \(container.typeName), not a map"))
                return
            }
            candidates = Array(entries.keys)
        } else {
            var seen: Set<String> = []
            for frame in stack.reversed() {
                guard let entries = frame.value.mapEntries else { continue }
                for key in entries.keys where seen.insert(key).inserted { candidates.append(key) }
            }
            if stack.contains(where: { $0.index >= 0 }) {
                candidates += SpecialName.allCases.map { "@" + $0.rawValue }
            }
        }
        if let near = NameSuggester.closest(to: keys[position], among: candidates) {
            var corrected = keys
            corrected[position] = near
            message += "; did you mean '\(corrected.joined(separator: "."))'?"
        }
        report(Diagnostic(at: location, message))
    }
}
