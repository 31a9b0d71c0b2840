import Foundation

/// URL slugs: ASCII, lowercase, hyphen-separated, never empty.
public enum Slug {
    /// Letters that Unicode decomposition does not reduce to ASCII.
    private static let transliterations: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "þ": "th", "Þ": "th", "ı": "i",
    ]

    /// "Cédric Archambeau" → "cedric-archambeau". Text with no ASCII letters or
    /// digits gets a stable hash ("x3f2a91c"), so a slug is never empty.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        let slug = text.withUTF8Bytes { $0.isASCII ? asciiSlug($0) : nil } ?? unicodeSlug(text)
        return finish(slug, text: text, maxLength: maxLength)
    }

    /// What each ASCII byte becomes in a slug: itself lowercased for a letter or
    /// digit, 0 for a separator, 1 for an apostrophe, which is dropped.
    private static let asciiSlugBytes: [UInt8] = (0..<128).map { byte in
        let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
        if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) { return UInt8(lower) }
        return byte == UInt8(ascii: "'") ? 1 : 0
    }

    /// Bytes in, bytes out: the common case. The slug is never longer than
    /// the text: a hyphen stands for at least one byte that is dropped.
    private static func asciiSlug(_ text: UnsafeBufferPointer<UInt8>) -> String {
        asciiSlugBytes.withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: text.count) { slug in
                var count = 0
                var pendingHyphen = false
                for byte in text {
                    let mapped = table[Int(byte)]
                    if mapped > 1 {
                        if pendingHyphen && count > 0 {
                            slug[count] = UInt8(ascii: "-")
                            count += 1
                        }
                        pendingHyphen = false
                        slug[count] = mapped
                        count += 1
                    } else if mapped == 0 {
                        pendingHyphen = true
                    }
                }
                return count
            }
        }
    }

    private static func finish(_ slug: String, text: String, maxLength: Int) -> String {
        var slug = slug
        // No more characters than bytes: most slugs need no counting.
        if slug.utf8.count > maxLength {
            if let cut = slug.withUTF8Bytes({ asciiCut($0, maxLength: maxLength) }) {
                slug = cut
            } else if slug.count > maxLength {
                let cut = slug.prefix(maxLength)
                slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
            }
        }
        return slug.isEmpty ? "x" + String(stableHash(text), radix: 16) : slug
    }

    /// The cut `finish` makes, on bytes, for ASCII other than "\r\n" (where
    /// every byte is a character); nil for other text.
    private static func asciiCut(_ slug: UnsafeBufferPointer<UInt8>, maxLength: Int) -> String? {
        guard slug.isASCII, !slug.contains(0x0D) else { return nil }
        let cut = slug[..<maxLength]
        let end = cut.lastIndex(of: UInt8(ascii: "-")) ?? maxLength
        return String(decoding: UnsafeBufferPointer(rebasing: slug[..<end]), as: UTF8.self)
    }

    private static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text {
            // "Amazon’s" → "amazons", "O'Brien" → "obrien"
            if character == "'" || character == "’" { continue }
            // ASCII needs no Unicode folding: the common case, and by far the fastest.
            if let ascii = character.asciiValue {
                if (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57) || (ascii >= 65 && ascii <= 90) {
                    if pendingHyphen && !slug.isEmpty { slug.append("-") }
                    pendingHyphen = false
                    slug.unicodeScalars.append(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii))
                } else {
                    pendingHyphen = true
                }
                continue
            }
            let folded = transliterations[character]
                ?? String(String(character).decomposedStringWithCompatibilityMapping.unicodeScalars
                    .filter(\.isASCII).map(Character.init))
            for scalar in folded.unicodeScalars {
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    if pendingHyphen && !slug.isEmpty { slug.append("-") }
                    pendingHyphen = false
                    slug.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    pendingHyphen = true
                }
            }
            if folded.isEmpty && !character.isLetter { pendingHyphen = true }
        }
        return slug
    }

    /// FNV-1a over UTF-8, truncated to 32 bits: the same text gives the same slug on every run.
    static func stableHash(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return hash
    }
}

/// Hands out unique slugs within one namespace (papers, authors, ...):
/// a collision gets a numeric suffix, "-2", "-3", in order of appearance.
/// Slugs are numbered in an `Interned` table (the parse memo's), so a claim
/// is an array lookup, not a hash of the slug.
struct SlugRegistry {
    /// Indexed by slug number.
    private var taken: [Bool] = []

    /// The slug numbered `base`, or the first of "base-2", "base-3", ... not taken yet.
    mutating func claim(_ base: Int32, in slugs: inout Interned) -> String {
        if take(base, of: slugs) { return slugs[base] }
        var suffix = 2
        while true {
            let slug = "\(slugs[base])-\(suffix)"
            if take(slugs.id(slug), of: slugs) { return slug }
            suffix += 1
        }
    }

    /// Takes the slug numbered `id`; false when it was taken already.
    private mutating func take(_ id: Int32, of slugs: Interned) -> Bool {
        if taken.count < slugs.count { taken += repeatElement(false, count: slugs.count - taken.count) }
        if taken[Int(id)] { return false }
        taken[Int(id)] = true
        return true
    }
}
