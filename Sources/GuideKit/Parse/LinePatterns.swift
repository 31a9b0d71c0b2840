/// The shapes of single lines in the guide format.
enum LinePatterns {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    /// "DP bookkeeper.png": a bare image file name.
    static func isImageFileName(_ line: String) -> Bool {
        line.withUTF8Bytes { bytes in
            // The extension is ASCII: look at the last few bytes before anything else.
            guard let dot = bytes[max(0, bytes.count - 5)...].lastIndex(of: UInt8(ascii: ".")), dot != 0,
                  isImageExtension(UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])) else { return false }
            // No more characters than bytes: only a long line needs counting.
            return (bytes.count <= 200 || characterCount(line) <= 200)
                && !bytes.contains(UInt8(ascii: "/")) && !bytes.contains(UInt8(ascii: "\\"))
        }
    }

    /// One of `imageExtensions` in any case. Only ASCII can be: a non-ASCII
    /// character would leave no room in the four bytes for the rest.
    private static func isImageExtension(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.isASCII else { return false }
        let lowercased = String(decoding: bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        return imageExtensions.contains(lowercased)
    }

    /// "US, MA, Boston", "GB, London", "JP, 13, Tokyo": a country code and one to three places.
    static func isLocation(_ line: String) -> Bool {
        guard startsLikeCountryCode(line) else { return false }
        let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard 2...4 ~= parts.count, parts[0].count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.count <= 40
                && part.allSatisfy { $0.isLetter || $0.isNumber || " .'-’()".contains($0) }
        }
    }

    /// False when the first bytes rule out a country code, as they do for most
    /// lines: an ASCII byte that is neither a capital nor white space, or a
    /// capital and then a byte that is not one.
    private static func startsLikeCountryCode(_ line: String) -> Bool {
        line.withUTF8Bytes { bytes in
            guard let first = bytes.first else { return false }
            let isCapital: (UInt8) -> Bool = { $0 >= 65 && $0 <= 90 }
            if isCapital(first) { return bytes.count >= 2 && isCapital(bytes[1]) }
            return first >= 0x80 || first == 0x20 || (0x09...0x0D).contains(first)
        }
    }

    /// "Related content": opens the postings section, or a teaser inside the article.
    static func isRelatedContentMarker(_ line: String) -> Bool {
        line.utf8.count == 15 && line.lowercased() == "related content"
    }

    /// A short line that reads as a heading rather than a sentence.
    static func isHeadingLike(_ line: String) -> Bool {
        // A line of more than 120 bytes may still be 120 characters or fewer.
        guard line.utf8.count <= 120 || characterCount(line) <= 120, let last = line.utf8.last else { return false }
        if last == UInt8(ascii: ".") || last == UInt8(ascii: ":") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",") {
            return false
        }
        if (last == UInt8(ascii: "?") || last == UInt8(ascii: "!")) && characterCount(line) > 80 { return false }
        return !containsSentenceBreak(line)
    }

    /// `line.count`; counted on bytes when they are ASCII, as most lines are.
    static func characterCount(_ line: String) -> Int {
        line.withUTF8Bytes(\.isASCII) ? line.utf8.count : line.count
    }

    /// "First sentence. Second" – a full stop inside the line followed by a capital.
    static func containsSentenceBreak(_ line: String) -> Bool {
        var index = line.utf8.startIndex
        let end = line.utf8.endIndex
        while let dot = line.utf8[index...].firstIndex(of: UInt8(ascii: ".")) {
            let space = line.utf8.index(after: dot)
            guard space < end else { return false }
            index = space
            guard line.utf8[space] == UInt8(ascii: " ") else { continue }
            let next = line.utf8.index(after: space)
            guard next < end else { return false }
            let byte = line.utf8[next]
            if byte < 0x80 ? (byte >= 65 && byte <= 90) : line[next...].first?.isUppercase == true { return true }
        }
        return false
    }

    /// A one-sentence line short enough to be a dek under the title.
    static func isSubtitleLike(_ line: String) -> Bool {
        characterCount(line) <= 200 && !containsSentenceBreak(String(line.dropLast()))
    }

    /// Credit lines under a photo: "Credit: Getty Images", "Photo by ...",
    /// "Photo courtesy of ...", "Image: ...", "© 2023 ...".
    static func isCredit(_ line: String) -> Bool {
        let lower = line.lowercased()
        return creditStarts.contains { lower.hasPrefix($0) }
            || line.contains("©") || creditNames.contains { lower.contains($0) }
    }

    /// A date on a line of its own: "July 21, 2023", "Tue, 21 Jul. 2023",
    /// "2023-07-21". Words are month and weekday names (English, whole or
    /// cut short), a day and a year; exactly one month and one year.
    static func isDateLine(_ line: String) -> Bool {
        guard line.utf8.count <= 40 else { return false }
        if line.utf8.count == 10, line.utf8.enumerated().allSatisfy({ index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
        }) { return true }
        var months = 0, years = 0
        for word in line.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }) {
            let word = word.hasSuffix(".") ? word.dropLast() : word
            if word.allSatisfy({ $0.isASCII && $0.isNumber }) {
                switch word.count {
                case 1...2: continue
                case 4: years += 1
                default: return false
                }
            } else if monthNames.contains(where: { $0 == word || ($0.hasPrefix(word) && word.count >= 3) }) {
                months += 1
            } else if !weekdayNames.contains(where: { $0 == word || ($0.hasPrefix(word) && word.count >= 3) }) {
                return false
            }
        }
        return months == 1 && years == 1
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static let creditStarts = [
        "credit", "photo credit", "image credit", "photo by", "photograph by", "image by", "photo courtesy",
        "image courtesy", "photograph courtesy", "courtesy", "photo:", "image:", "source:", "illustration by",
    ]
    private static let creditNames = ["getty images", "istock", "shutterstock", "unsplash", "adobe stock"]
}
