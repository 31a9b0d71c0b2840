import Foundation

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

extension String {
    /// The text in Unicode Normalization Form C, as `guide` reads every text
    /// it is given (a guide, its settings, an extra page). A text that some
    /// editor saved with "é" as "e" and a combining accent is then the same
    /// bytes as one typed with "é": Swift compares strings by canonical
    /// equivalence, so a rebuild took the two for the same and kept the
    /// pages of the one saved before, where a full build writes the new
    /// bytes. NFC is also the form the Web expects (W3C's character model).
    var normalizedText: String {
        guard withUTF8Bytes({ $0.contains { $0 >= 0x80 } }) else { return self }
        return precomposedStringWithCanonicalMapping
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when every byte is printable ASCII or a tab; false at a control
    /// character (below 0x20 but a tab, or 0x7F) before any byte above 0x7F;
    /// nil at a byte above 0x7F, whose line needs decoding to be judged.
    var isPrintableASCII: Bool? {
        var index = 0
        if let base = baseAddress {
            // Eight bytes at a time: none has its high bit set, is below 0x20 or is 0x7F
            // (the bit tricks of "Bit Twiddling Hacks", hasless and hasvalue).
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let delete = word ^ (ones &* 0x7F)
                let unusual = word | ((word &- ones &* 0x20) & ~word) | ((delete &- ones) & ~delete)
                if unusual & highBits != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = self[index]
            if byte >= 0x80 { return nil }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return false }
            index += 1
        }
        return true
    }

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
