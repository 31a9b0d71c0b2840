import Testing
@testable import GuideKit

@Suite struct StringBytesTests {
    /// Eight bytes at a time, then one by one: a non-ASCII byte anywhere is found.
    @Test func isASCIIFindsANonASCIIByteAtEveryPosition() {
        for length in 0...20 {
            let ascii = String(repeating: "a", count: length)
            #expect(ascii.withUTF8Bytes(\.isASCII))
            for position in 0..<length {
                var bytes = Array(ascii.utf8)
                bytes[position] = 0xC3
                #expect(!bytes.withUnsafeBufferPointer(\.isASCII), "length \(length), position \(position)")
            }
        }
    }

    @Test func withUTF8BytesSeesTheStringsBytes() {
        for text in ["", "short", "Zoë Ångström", String(repeating: "long text ", count: 10)] {
            #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8))
        }
    }
}
