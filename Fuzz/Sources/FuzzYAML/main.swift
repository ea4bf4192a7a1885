import FuzzSupport

/// The YAML reader on any bytes: a value within the limits, or errors that name the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    Fuzz.read(Fuzz.bytes(start, count), as: .yaml)
    return 0
}
