import FuzzSupport

/// The CSV reader on any bytes: a value within the limits, or errors that name the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    Fuzz.read(Fuzz.bytes(start, count), as: .csv)
    return 0
}
