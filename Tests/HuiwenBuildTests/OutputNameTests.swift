import Foundation
import HuiwenBuild
import Testing

/// Output names come from data: whatever it holds, a name is one plain file inside `output/`.
@Suite struct OutputNameTests {
    @Test func sanitizedNamesAreAlwaysOnePlainFileName() {
        // Every name of up to four pieces from a hostile alphabet: never a path, never hidden,
        // never the index, never empty unless the raw name had nothing usable.
        let pieces = ["", ".", "..", "/", "\\", "\u{0}", "\n", " ", "index", "长", "-", "\u{7F}", "a"]
        var count = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let name = OutputName.sanitize(a + b + c + d)
                        count += 1
                        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."), "\(name.debugDescription)")
                        #expect(!name.hasPrefix(".") && !name.hasPrefix("-"), "\(name.debugDescription)")
                        #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(name.debugDescription)")
                        #expect(name.lowercased() != "index", "\(name.debugDescription)")
                        let output = URL(fileURLWithPath: "/srv/project/output")
                        let file = output.appendingPathComponent(name + ".html").standardizedFileURL
                        #expect(file.deletingLastPathComponent().path == output.path, "\(name.debugDescription)")
                    }
                }
            }
        }
        #expect(count == 28_561)
    }

    @Test func aLongChineseOutputNameStillFitsOneFileName() {
        // File systems limit a name to 255 bytes; a Chinese character takes three.
        let name = OutputName.sanitize(String(repeating: "湘西土家族苗族自治州", count: 20))
        #expect(!name.isEmpty)
        #expect(name.utf8.count + ".html".utf8.count <= 255)
        #expect(name.hasPrefix("湘西土家族苗族自治州"))
    }

    @Test func namesWindowsReservesForDevicesAreRenamed() {
        #expect(OutputName.sanitize("CON") == "CON-document")
        #expect(OutputName.sanitize("nul") == "nul-document")
        #expect(OutputName.sanitize("com1.v2") == "com1-document.v2")
        #expect(OutputName.sanitize("LPT9") == "LPT9-document")
        #expect(OutputName.sanitize("CONSOLE") == "CONSOLE")
        #expect(OutputName.sanitize("COM10") == "COM10")
        #expect(OutputName.sanitize("通知-CON") == "通知-CON")
    }
}
