import Foundation

/// How the search index and the search page's script (`search.js`) read text
/// into terms. Both sides must agree to the letter; `search.js` repeats these
/// rules, and the browser tests check that a query typed in either form finds
/// what the index holds.
///
/// - A term is a run of letters and digits (Unicode `L` and `N`), folded:
///   decomposed (NFD), marks (`M`) dropped, lower-cased, and the letters that do
///   not decompose spelled as ASCII (`ø` → `o`, `ß` → `ss`; `letterSpellings`).
///   So "Núñez" is `nunez`, and typing `nunez` or `núñez` finds it.
/// - The stop words (`stopWords`) are not indexed: "and" is in most titles.
enum SearchText {
    /// English words too common to find anything by; the query drops them too.
    static let stopWords: [String] = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
                                      "is", "it", "of", "on", "or", "the", "to", "with"]
    private static let stopWordSet = Set(stopWords)

    /// Letters that neither decompose nor lower-case to ASCII, and how a reader
    /// types them. (`search.js` has the same table.)
    static let letterSpellings: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// The terms of `text`, in order, stop words left out.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        func end() {
            if !current.isEmpty, !stopWordSet.contains(current) { terms.append(current) }
            current = ""
        }
        // Fast path: ASCII letters and digits need no folding but lower-casing.
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    current.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    end()
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                for character in String(scalar).lowercased() {
                    if let spelling = letterSpellings[character] { current += spelling } else { current.append(character) }
                }
            default:
                end()
            }
        }
        end()
        return terms
    }

    /// The words of an HTML fragment that the renderer wrote: tags left out,
    /// each character reference a break between words (they stand for
    /// punctuation here: `&amp;`, `&quot;`).
    static func text(ofHTML html: String) -> String {
        var text = ""
        var inTag = false, inReference = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false; text.append(" ")
            case "&" where !inTag: inReference = true; text.append(" ")
            case ";" where inReference: inReference = false
            default:
                if inReference, !(character.isLetter || character.isNumber || character == "#") { inReference = false }
                if !inTag, !inReference { text.append(character) }
            }
        }
        return text
    }

    /// The bucket a term's postings are kept in: the FNV-1a hash of the UTF-8
    /// of its first two code points (after folding), modulo `buckets`. Terms
    /// that share their first two characters share a bucket, so a query term
    /// and every term it is a prefix of, or one edit away from (past its second
    /// character), are found in one file. (`search.js` hashes the same way.)
    /// The term is given as its UTF-8 bytes, as documents keep it (`PackedTerms`).
    static func bucket(of term: UnsafeBufferPointer<UInt8>, buckets: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        var scalars = 0
        for byte in term {
            // A byte that does not continue a code point (10xxxxxx) starts one.
            if byte & 0xC0 != 0x80 {
                if scalars == 2 { break }
                scalars += 1
            }
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return Int(hash % UInt32(max(buckets, 1)))
    }
}
