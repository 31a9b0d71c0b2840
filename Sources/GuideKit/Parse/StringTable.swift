import Foundation

/// An insert-only table from strings to integers, for the parser's lookups by
/// the ten thousand: authors by name, papers by normalised title, taken slugs.
///
/// Keys match as `String`s do, by canonical equivalence, but most are hashed
/// and compared as bytes: text whose scalars are all below U+0300 (ASCII, and
/// Latin letters with precomposed accents) is already in normal form (NFC), so
/// two such keys are equal exactly when their bytes are. A key with other
/// scalars (a combining accent, a CJK name) goes to a `Dictionary`, which from
/// then on holds every key, so that "e\u{301}" still finds "é".
struct StringTable {
    /// `entry + 1` for each used slot, 0 for an empty one; twice as many slots as entries, or more.
    private var slots: [UInt32]
    private var hashes: [UInt64] = []
    private var values: [Int] = []
    /// Every byte key, one after the other; entry `i` ends at `keyEnds[i]`.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    /// Every key, once a key was not below U+0300.
    private var allKeys: [String: Int]?

    init(minimumCapacity: Int = 0) {
        slots = Array(repeating: 0, count: 16)
        reserveCapacity(minimumCapacity)
    }

    var count: Int { allKeys?.count ?? values.count }

    /// Room for `capacity` keys without growing.
    mutating func reserveCapacity(_ capacity: Int) {
        hashes.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        keyEnds.reserveCapacity(capacity)
        if 2 * capacity > slots.count { grow(toHold: capacity) }
    }

    /// The value for `key`, after storing `value` when the table has no equal key.
    mutating func value(for key: String, insertingIfAbsent value: Int) -> Int {
        key.withUTF8Bytes { bytes in
            Self.isBelowCombiningMarks(bytes)
                ? self.value(forLatinBytes: bytes, key: key, insertingIfAbsent: value)
                : self.value(forOtherKey: key, insertingIfAbsent: value)
        }
    }

    /// `value(for:insertingIfAbsent:)` for a key given as valid UTF-8.
    mutating func value(forBytes bytes: UnsafeBufferPointer<UInt8>, insertingIfAbsent value: Int) -> Int {
        Self.isBelowCombiningMarks(bytes)
            ? self.value(forLatinBytes: bytes, key: nil, insertingIfAbsent: value)
            : self.value(forOtherKey: String(decoding: bytes, as: UTF8.self), insertingIfAbsent: value)
    }

    /// Inserts `key` unless the table has an equal one; true when it was inserted.
    mutating func insert(_ key: String) -> Bool {
        let new = count
        return value(for: key, insertingIfAbsent: new) == new
    }

    /// The value for `key`, if the table has an equal key. Mutating: a key
    /// not below U+0300 needs the `Dictionary` of every key.
    mutating func value(for key: String) -> Int? {
        key.withUTF8Bytes { bytes in
            guard Self.isBelowCombiningMarks(bytes) else {
                makeAllKeys()
                return allKeys![key]
            }
            return find(bytes, hash: Self.hash(bytes)) ?? allKeys?[key]
        }
    }

    private mutating func value(forLatinBytes bytes: UnsafeBufferPointer<UInt8>, key: String?,
                                insertingIfAbsent value: Int) -> Int {
        let hash = Self.hash(bytes)
        if let found = find(bytes, hash: hash) { return found }
        if allKeys != nil {
            // An equal key in another form ("e\u{301}" for "é") is only there.
            let key = key ?? String(decoding: bytes, as: UTF8.self)
            if let found = allKeys![key] { return found }
            allKeys![key] = value
        }
        append(bytes, hash: hash, value: value)
        return value
    }

    private mutating func value(forOtherKey key: String, insertingIfAbsent value: Int) -> Int {
        makeAllKeys()
        if let found = allKeys![key] { return found }
        allKeys![key] = value
        return value
    }

    private mutating func makeAllKeys() {
        guard allKeys == nil else { return }
        var keys: [String: Int] = [:]
        keys.reserveCapacity(values.count + 1)
        keyBytes.withUnsafeBufferPointer { bytes in
            for entry in values.indices {
                keys[String(decoding: UnsafeBufferPointer(rebasing: bytes[keyRange(entry)]), as: UTF8.self)] = values[entry]
            }
        }
        allKeys = keys
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while slots[slot] != 0 {
                let entry = Int(slots[slot]) - 1
                if hashes[entry] == hash, Self.equal(UnsafeBufferPointer(rebasing: stored[keyRange(entry)]), bytes) {
                    return values[entry]
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int) {
        if 2 * (values.count + 1) > slots.count { grow(toHold: values.count + 1) }
        let entry = values.count
        hashes.append(hash)
        values.append(value)
        keyBytes.append(contentsOf: bytes)
        keyEnds.append(keyBytes.count)
        placeInSlot(entry)
    }

    private mutating func grow(toHold capacity: Int) {
        var slotCount = slots.count
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
        for entry in values.indices { placeInSlot(entry) }
    }

    private mutating func placeInSlot(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(entry + 1)
    }

    private func keyRange(_ entry: Int) -> Range<Int> {
        (entry == 0 ? 0 : keyEnds[entry - 1])..<keyEnds[entry]
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let first = a.baseAddress, let second = b.baseAddress else { return true }
        return memcmp(first, second, a.count) == 0
    }

    /// No scalar at or above U+0300: every byte is ASCII, a lead byte of U+0080 ... U+02FF
    /// (0xC2 ... 0xCB) or a continuation byte.
    static func isBelowCombiningMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isASCII || !bytes.contains { $0 >= 0xCC }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteHash.of(bytes)
    }
}
