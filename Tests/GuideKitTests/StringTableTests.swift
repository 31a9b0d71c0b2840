import Testing
@testable import GuideKit

@Suite struct StringTableTests {
    @Test func keepsTheFirstValueForEachKey() {
        var table = StringTable()
        for index in 0..<1000 {
            #expect(table.value(for: "key \(index % 300)", insertingIfAbsent: index) == index % 300)
        }
        #expect(table.count == 300)
        #expect(table.value(for: "key 7") == 7)
        #expect(table.value(for: "key 300") == nil)
    }

    /// Keys match as strings do: by canonical equivalence, whichever form comes first.
    @Test(arguments: [("Zoë", "Zoe\u{308}"), ("Zoe\u{308}", "Zoë"), ("Kim", "\u{212A}im"), ("\u{212A}im", "Kim"),
                      ("王小明", "王小明"), ("café au lait", "cafe\u{301} au lait")])
    func equivalentKeysAreOneKey(_ first: String, _ second: String) {
        var table = StringTable()
        _ = table.value(for: "other", insertingIfAbsent: 0)
        #expect(table.value(for: first, insertingIfAbsent: 1) == 1)
        #expect(table.value(for: second, insertingIfAbsent: 2) == 1)
        #expect(table.value(for: second) == 1)
        #expect(table.value(for: "other", insertingIfAbsent: 3) == 0)
        #expect(table.count == 2)
    }

    @Test func bytesAndStringsFindTheSameKeys() {
        var table = StringTable()
        let keys = ["a", "Zoë", "e\u{301}", String(repeating: "long key ", count: 20)]
        for (index, key) in keys.enumerated() {
            let value = Array(key.utf8).withUnsafeBufferPointer { table.value(forBytes: $0, insertingIfAbsent: index) }
            #expect(value == index)
        }
        for (index, key) in keys.enumerated() { #expect(table.value(for: key) == index) }
        #expect(table.value(for: "é") == 2)
    }

    @Test func insertTellsWhetherTheKeyWasNew() {
        var table = StringTable()
        let inserted = [table.insert("slug"), table.insert("slug"), table.insert("slug-2")]
        #expect(inserted == [true, false, true])
    }
}
