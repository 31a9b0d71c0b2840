#if canImport(Glibc)
import Glibc
#endif

/// Which `Host` headers the preview answers: only names of the address it
/// listens on. A page on `http://evil.example:8080/` whose name an attacker
/// points at 127.0.0.1 (DNS rebinding) sends `Host: evil.example:8080` and
/// gets 400, so it cannot read the site or its event stream.
struct HostCheck: Sendable {
    /// Lowercased names without the port.
    private let names: Set<String>
    /// Listening on every address (`0.0.0.0`, `::`): any IP literal names this server.
    private let acceptsAnyAddress: Bool

    init(listeningOn host: String) {
        let host = Self.withoutBrackets(host.lowercased())
        var names: Set<String> = ["localhost", "127.0.0.1", "::1", host]
        acceptsAnyAddress = host == "0.0.0.0" || host == "::"
        if acceptsAnyAddress, let machine = Self.machineName() {
            names.insert(machine)
        }
        self.names = names
    }

    /// Whether a request with this `Host` value (`127.0.0.1:8080`, `[::1]:8080`, `localhost`) is answered.
    func accepts(_ value: String) -> Bool {
        let name = Self.name(of: value.lowercased())
        if names.contains(name) { return true }
        return acceptsAnyAddress && Self.isIPLiteral(name)
    }

    /// The name of a `Host` value, without its port and IPv6 brackets.
    static func name(of value: String) -> String {
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            return String(value[value.index(after: value.startIndex)..<close])
        }
        if let colon = value.lastIndex(of: ":") { return String(value[..<colon]) }
        return value
    }

    private static func withoutBrackets(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func isIPLiteral(_ name: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET, name, &address) == 1 || inet_pton(AF_INET6, name, &address) == 1
    }

    private static func machineName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        return name.isEmpty ? nil : name
    }
}
