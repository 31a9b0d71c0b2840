import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal blocking HTTP/1.1 client for 127.0.0.1, run on its own thread, for
/// live-server tests that need raw request targets or a streaming (never-ending)
/// response; shared by the preview server's and the `guide` binary's tests.
public enum RawHTTP {
    public struct Response: Sendable {
        public var status: Int
        public var headers: String
        public var body: String
    }

    /// One GET, read until the server closes the connection.
    public static func get(port: Int, _ path: String, timeout: Duration = .seconds(10)) async -> Response? {
        let raw = await exchange(port: port, path: path, timeout: timeout)
        guard let split = raw.range(of: "\r\n\r\n") else { return nil }
        let head = String(raw[..<split.lowerBound])
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Response(status: status, headers: head, body: String(raw[split.upperBound...]))
    }

    /// A GET of `path`, read until `until` holds for what arrived, the server closes, or `timeout` passes.
    public static func exchange(port: Int, path: String, timeout: Duration = .seconds(10),
                                until: @escaping @Sendable (String) -> Bool = { _ in false }) async -> String {
        await exchange(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n",
                       timeout: timeout, until: until)
    }

    /// Sends `request` to 127.0.0.1:`port` and returns what was received once `until`
    /// holds for the received text, the server closes, or `timeout` passes.
    public static func exchange(
        port: Int,
        request: String,
        timeout: Duration = .seconds(10),
        until: @escaping @Sendable (String) -> Bool = { _ in false }
    ) async -> String {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: run(port: port, request: request, timeout: timeout, until: until))
            }
            thread.start()
        }
    }

    private static func run(port: Int, request: String, timeout: Duration, until: (String) -> Bool) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "" }
        var receiveTimeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receiveTimeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                if until(String(decoding: received, as: UTF8.self)) { break }
            }
        }
        return String(decoding: received, as: UTF8.self)
    }
}
