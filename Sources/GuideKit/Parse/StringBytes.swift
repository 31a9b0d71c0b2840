/// Byte-level access to a string's UTF-8 for the parser's hot paths: a loop
/// over a buffer pointer, unlike one over `String.UTF8View`, compiles to plain
/// loads.
extension String {
    /// Calls `body` with the string's UTF-8 bytes, copying them only when the
    /// string has no contiguous storage (a bridged string).
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    var isASCII: Bool {
        // Eight bytes at a time: no byte has its high bit set.
        var index = 0
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < count {
            if self[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
