/// A URL path checked for safety, and its safe resolution inside a site root.
///
/// Parsing rejects (with ``SitePathError``) anything that could step outside the
/// root: `.`/`..` segments (also percent-encoded), encoded or raw slashes and
/// backslashes inside a segment, empty segments (`//`), NUL and other control
/// bytes, malformed percent escapes and invalid UTF-8. Resolution then uses
/// `realpath` and checks that the result is still under the root, so symlinks
/// pointing outside the root are never followed.
struct SitePath: Sendable, Equatable {
    /// Decoded segments; never empty, `.` or `..`, and without `/`, `\` or control bytes.
    let segments: [String]
    /// Whether the raw path ended with `/` (a folder was asked for).
    let hasTrailingSlash: Bool
    /// The raw, still percent-encoded path that was parsed.
    let rawPath: String

    /// Parses a raw request path (without the query), e.g. `/papers/x/`.
    init(rawPath: String) throws(SitePathError) {
        guard rawPath.utf8.first == UInt8(ascii: "/") else { throw .notAbsolute }
        guard !rawPath.utf8.contains(UInt8(ascii: "\\")) else { throw .forbiddenCharacter }
        var parts = Array(Array(rawPath.utf8).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst())
        var trailingSlash = false
        if let last = parts.last, last.isEmpty {
            trailingSlash = true
            parts.removeLast()
        }
        var segments: [String] = []
        for part in parts {
            guard !part.isEmpty else { throw .emptySegment }
            let bytes = try Self.percentDecode(part)
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") {
                throw .forbiddenCharacter
            }
            guard let segment = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
            guard segment != ".", segment != ".." else { throw .dotSegment }
            // Dot-files are the build's own (`.guide-output`, a file being replaced), never the site's.
            guard !segment.hasPrefix(".") else { throw .hiddenFile }
            segments.append(segment)
        }
        self.segments = segments
        self.hasTrailingSlash = trailingSlash
        self.rawPath = rawPath
    }

    /// The decoded path relative to the root, e.g. `papers/x` (empty for the root itself).
    var relativePath: String { segments.joined(separator: "/") }

    /// What a path names inside a root.
    enum Resolution: Sendable, Equatable {
        /// A regular file; `path` is canonical and inside the root.
        case file(path: String, info: FileInfo)
        /// A folder; `path` is canonical and inside the root.
        case directory(path: String)
        /// Missing, not a regular file or folder, or resolving outside the root.
        case notFound
    }

    /// Resolves this path inside `root` (which need not be canonical).
    func resolve(in root: String) -> Resolution {
        Self.resolve(relativePath, in: root)
    }

    /// Resolves an already-safe relative path (e.g. `404.html`) inside `root`.
    static func resolve(_ relativePath: String, in root: String) -> Resolution {
        guard let rootReal = FileInfo.realPath(root) else { return .notFound }
        let candidate = relativePath.isEmpty ? rootReal : rootReal + "/" + relativePath
        guard let real = FileInfo.realPath(candidate), isInside(real, root: rootReal),
            let info = FileInfo(path: real)
        else { return .notFound }
        switch info.kind {
        case .regular: return .file(path: real, info: info)
        case .directory: return .directory(path: real)
        case .symbolicLink, .other: return .notFound
        }
    }

    /// Byte-wise containment check of canonical paths (no Unicode equivalence games).
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.utf8.first == UInt8(ascii: "/") }
        let pathBytes = Array(path.utf8)
        let rootBytes = Array(root.utf8)
        if pathBytes == rootBytes { return true }
        return pathBytes.count > rootBytes.count
            && pathBytes.starts(with: rootBytes)
            && pathBytes[rootBytes.count] == UInt8(ascii: "/")
    }

    private static func percentDecode(_ part: ArraySlice<UInt8>) throws(SitePathError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(part.count)
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < part.endIndex,
                    let high = hexValue(part[index + 1]), let low = hexValue(part[index + 2])
                else { throw .malformedEscape }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Why a request path was refused (the server answers 400).
enum SitePathError: Error, Sendable, Equatable {
    case notAbsolute
    case emptySegment
    case dotSegment
    /// A segment that starts with a dot: never served.
    case hiddenFile
    case forbiddenCharacter
    case malformedEscape
    case invalidUTF8
}
