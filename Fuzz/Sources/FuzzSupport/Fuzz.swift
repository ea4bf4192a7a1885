@_exported import HuiwenData
@_exported import HuiwenDiagnostics
@_exported import HuiwenMarkdown
@_exported import HuiwenTemplate

/// What every fuzz target checks besides "no crash": a refusal is a positioned diagnostic, an
/// accepted input stays within the limits. A broken property stops the fuzzer like a crash
/// (`fatalError`), with the input saved as its artifact.
public enum Fuzz {
    /// The input as text: invalid UTF-8 repaired, as a reader of files would have refused it.
    public static func text(_ start: UnsafePointer<UInt8>, _ count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    public static func bytes(_ start: UnsafePointer<UInt8>, _ count: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Every diagnostic names a file; with `needsLine`, a line and column in it too.
    public static func expectPositioned(_ diagnostics: [Diagnostic], needsLine: Bool = false, _ input: @autoclosure () -> String) {
        if diagnostics.isEmpty { fatalError("refused without a diagnostic: \(input().debugDescription)") }
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, !location.path.isEmpty else {
                fatalError("diagnostic without a file: \(diagnostic) for \(input().debugDescription)")
            }
            if needsLine, location.line < 1 || location.column < 1 {
                fatalError("diagnostic without a line: \(diagnostic) for \(input().debugDescription)")
            }
        }
    }

    /// A value read from data respects the nesting and value limits it was read with.
    public static func expectWithinLimits(_ value: Value, _ limits: DataLimits) {
        var pending: [(Value, Int)] = [(value, 0)]
        var count = 0
        while let (current, depth) = pending.popLast() {
            count += 1
            if depth > limits.maxDepth { fatalError("value nested \(depth) deep, over \(limits.maxDepth)") }
            switch current.kind {
            case .map(let entries): pending += entries.values.map { ($0, depth + 1) }
            case .list(let items): pending += items.map { ($0, depth + 1) }
            default: break
            }
        }
        if count > limits.maxValues { fatalError("\(count) values, over \(limits.maxValues)") }
    }

    /// Reads `bytes` as a data file of `format`: accepted within the limits, or refused with
    /// diagnostics that name the file.
    public static func read(_ bytes: [UInt8], as format: DataFormat, limits: DataLimits = DataLimits()) {
        let path = "data/fuzz." + format.rawValue
        do {
            let value = try format.read(bytes, path: path, limits: limits)
            expectWithinLimits(value, limits)
        } catch {
            expectPositioned(error.diagnostics, String(decoding: bytes, as: UTF8.self))
            for diagnostic in error.diagnostics where diagnostic.location?.path != path {
                fatalError("diagnostic about another file: \(diagnostic)")
            }
        }
    }
}
