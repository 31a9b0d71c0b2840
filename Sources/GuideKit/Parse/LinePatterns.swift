/// The shapes of single lines in the guide format.
enum LinePatterns {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    /// "DP bookkeeper.png": a bare image file name.
    static func isImageFileName(_ line: String) -> Bool {
        guard line.count <= 200, !line.contains("/"), !line.contains("\\"),
              let dot = line.lastIndex(of: "."), dot != line.startIndex else { return false }
        return imageExtensions.contains(line[line.index(after: dot)...].lowercased())
    }

    /// "US, MA, Boston", "GB, London", "JP, 13, Tokyo": a country code and one to three places.
    static func isLocation(_ line: String) -> Bool {
        let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard 2...4 ~= parts.count, parts[0].count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.count <= 40
                && part.allSatisfy { $0.isLetter || $0.isNumber || " .'-’()".contains($0) }
        }
    }

    /// "Related content": opens the postings section, or a teaser inside the article.
    static func isRelatedContentMarker(_ line: String) -> Bool {
        line.utf8.count == 15 && line.lowercased() == "related content"
    }

    /// A short line that reads as a heading rather than a sentence.
    static func isHeadingLike(_ line: String) -> Bool {
        guard line.count <= 120, let last = line.last else { return false }
        if ".:;,".contains(last) { return false }
        if ("?!".contains(last)) && line.count > 80 { return false }
        return !containsSentenceBreak(line)
    }

    /// "First sentence. Second" – a full stop inside the line followed by a capital.
    static func containsSentenceBreak(_ line: String) -> Bool {
        var previous: Character = " "
        var beforePrevious: Character = " "
        for character in line {
            if beforePrevious == ".", previous == " ", character.isUppercase { return true }
            beforePrevious = previous
            previous = character
        }
        return false
    }

    /// A one-sentence line short enough to be a dek under the title.
    static func isSubtitleLike(_ line: String) -> Bool {
        line.count <= 200 && !containsSentenceBreak(String(line.dropLast()))
    }

    /// Credit lines under a photo: "Credit: Getty Images", "Photo by ...", "© 2023 ...".
    static func isCredit(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("credit") || lower.hasPrefix("photo credit") || lower.hasPrefix("image credit")
            || lower.hasPrefix("photo by") || lower.hasPrefix("image by") || lower.hasPrefix("courtesy")
            || line.contains("©") || lower.contains("getty images") || lower.contains("istock")
    }
}
