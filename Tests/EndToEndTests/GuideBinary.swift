import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// A file of the repository, such as `Templates/assets/style.css`.
    static func repositoryData(_ path: String) -> Data? {
        FileManager.default.contents(atPath: repository.appendingPathComponent(path).path)
    }

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

    /// A folder that exists already.
    init(root: URL) {
        self.root = root
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

/// A long-running `guide` process (`serve`, `build --watch`) whose output is read line by line.
final class RunningGuide: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""

    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = GuideBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        Self.drain(out.fileHandleForReading) { [weak self] data in self?.append(data, toStderr: false) }
        Self.drain(err.fileHandleForReading) { [weak self] data in self?.append(data, toStderr: true) }
        try process.run()
    }

    /// Reads `handle` to its end on a thread of its own. (A readability
    /// handler runs on the shared dispatch queues, which the CPU-bound tests
    /// running beside kept busy past these tests' timeouts: `Serving at` was
    /// printed, but read only after the test had given up.)
    private static func drain(_ handle: FileHandle, into sink: @escaping @Sendable (Data) -> Void) {
        Thread {
            while case let data = handle.availableData, !data.isEmpty { sink(data) }
        }.start()
    }

    deinit { stop() }

    private func append(_ data: Data, toStderr: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toStderr { stderrText += String(decoding: data, as: UTF8.self) } else { stdoutText += String(decoding: data, as: UTF8.self) }
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return stdoutText }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return stderrText }
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Waits for a complete stdout line satisfying `matches`; `nil` after `timeout` or when the process ended.
    func line(timeout: Duration = .seconds(60), where matches: (String) -> Bool) async -> String? {
        let deadline = ContinuousClock.now + timeout
        // The output is looked at once more after the deadline: when other
        // tests keep the test threads busy, this task may wake long after it
        // asked to, and the line may have come meanwhile.
        while true {
            let text = stdout
            let complete = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
            if let line = complete.split(separator: "\n").map(String.init).first(where: matches) { return line }
            if !process.isRunning || ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    /// `guide serve`: the port of the `Serving at http://127.0.0.1:PORT/` line.
    func servingPort(timeout: Duration = .seconds(60)) async -> Int? {
        guard let line = await line(timeout: timeout, where: { $0.hasPrefix("Serving at http://") }) else { return nil }
        let url = line.dropFirst("Serving at ".count).split(separator: " ").first.map(String.init) ?? ""
        return URLComponents(string: url)?.port
    }

    /// Waits for the process to exit; its status, or `nil` if it still runs after `timeout`.
    func exitStatus(timeout: Duration = .seconds(20)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(25))
        }
        // Let the readers drain what was written last.
        try? await Task.sleep(for: .milliseconds(100))
        return process.terminationStatus
    }

    /// Ctrl-C.
    func interrupt() { if process.isRunning { process.interrupt() } }

    /// Kills the process if it still runs (test clean-up).
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
