// huiwen-bench: measurements that are not tests (run from a release build; see BENCHMARKS.md).
// Each measurement prints medians or figures, never a pass/fail verdict on time.
import Foundation
import HuiwenMarkdown

/// Resident set size in KiB, from /proc/self/status.
func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Renders a document-sized Markdown text `count` times and prints RSS along the way: memory
/// must stay flat (no leak in the C boundary).
func measureLeak(count: Int) {
    let sample = (1...20).map { index in
        "## 第\(index)项\n\n| 地区 | 起数 |\n|--|--:|\n| 长沙 | \(index) |\n\n~~删~~ www.example.com 正文[^\(index)]\n\n[^\(index)]: 注\n"
    }.joined(separator: "\n")
    let renderer = MarkdownRenderer()
    var checksum = 0
    var samples: [(Int, Int)] = []
    for index in 1...count {
        checksum &+= renderer.html(from: sample).utf8.count
        if index % (count / 10) == 0 { samples.append((index, residentKiB())) }
    }
    for (index, rss) in samples { print("renders \(index): RSS \(rss) KiB") }
    let growth = samples.last!.1 - samples.first!.1
    print("RSS growth from \(samples.first!.0) to \(samples.last!.0) renders: \(growth) KiB (checksum \(checksum))")
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "leak":
    measureLeak(count: Int(arguments.dropFirst().first ?? "") ?? 100_000)
default:
    print("usage: huiwen-bench leak [COUNT]")
    exit(2)
}
