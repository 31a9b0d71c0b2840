import Foundation

/// Runs the built `guide` executable in a folder, the way an author would.
struct GuideBinary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Next to the test bundle in the build folder (`swift test` builds it first).
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("guide"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("guide"),
            repository.appendingPathComponent(".build/debug/guide"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A temporary folder laid out like a user's project: Content/ and Templates/.
struct ProjectFolder {
    let root: URL

    init(fixture: String? = nil, templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guide-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let fixture {
            try FileManager.default.copyItem(
                at: GuideBinary.repository.appendingPathComponent("Tests/Fixtures/sites/\(fixture)/Content"),
                to: root.appendingPathComponent("Content"))
        }
        if templates {
            try FileManager.default.copyItem(at: GuideBinary.repository.appendingPathComponent("Templates"),
                                             to: root.appendingPathComponent("Templates"))
        }
    }

    func guide(_ arguments: String...) throws -> GuideBinary.Run {
        try GuideBinary.run(arguments, in: root)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func data(_ path: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Relative paths of every file under `folder`, sorted.
    func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { paths.append(path) }
        }
        return paths.sorted()
    }
}
