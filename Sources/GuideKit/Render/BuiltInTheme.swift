import Foundation

/// The theme built into `guide`: the package's `Templates/` folder, embedded
/// at build time by the EmbedTheme plugin (`BuiltInThemeFiles.swift`). A
/// project without `Templates/` uses it whole; a project's `Templates/`
/// overrides it file by file, as Hugo's project layouts override a theme's.
public enum BuiltInTheme {
    /// How diagnostics name a file of the built-in theme.
    static let displayPath = "(built-in theme)"

    /// Path inside the templates folder ("home.mustache", "assets/style.css") → bytes.
    public static let files: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: encodedFiles.map { file in
        (file.path, Array(Data(base64Encoded: file.base64)!))
    })

    /// The templates: name ("home") → Mustache source.
    static let templates: [String: String] = Dictionary(uniqueKeysWithValues: files.compactMap { path, bytes in
        guard path.hasSuffix(".mustache"), !path.contains("/") else { return nil }
        return (String(path.dropLast(".mustache".count)), String(decoding: bytes, as: UTF8.self))
    })

    /// The files under `assets/`, by their path there ("style.css").
    static let assets: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: files.compactMap { path, bytes in
        path.hasPrefix("assets/") ? (String(path.dropFirst("assets/".count)), bytes) : nil
    })

    /// What `export(to:)` did: the files it wrote, and those it found there
    /// and left alone, among them those that differ from the theme's.
    public struct Export: Sendable {
        public var written: [String] = []
        public var kept: [String] = []
        /// Kept files whose bytes are not the theme's: edited, or from
        /// another version of guide's theme.
        public var differing: [String] = []
    }

    /// Writes every file of the theme into `folder`, creating it; a file
    /// already there is left alone and listed in the result, never overwritten.
    public static func export(to folder: URL) throws -> Export {
        var result = Export()
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                result.kept.append(path)
                if FileManager.default.contents(atPath: url.path) != Data(bytes) { result.differing.append(path) }
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .withoutOverwriting)
            result.written.append(path)
        }
        return result
    }
}
