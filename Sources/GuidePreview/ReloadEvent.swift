/// An event pushed to open preview pages through Server-Sent Events.
public enum ReloadEvent: Sendable, Equatable {
    /// Reload the page (SSE event `reload`).
    case reload
    /// Stylesheets changed: pages swap their `<link rel=stylesheet>` without reloading (SSE event `css`).
    /// The paths are informative (site-relative URLs or file paths).
    case cssChanged([String])
    /// The build failed: pages show an overlay with this message, which should include
    /// `file:line:column` (SSE event `error`). The server remembers it for pages opened later.
    case buildFailed(String)
    /// The build succeeded after a failure: pages remove the overlay and reload (SSE event `ok`).
    case buildSucceeded

    /// The SSE `event:` name the browser script listens for.
    public var name: String {
        switch self {
        case .reload: "reload"
        case .cssChanged: "css"
        case .buildFailed: "error"
        case .buildSucceeded: "ok"
        }
    }

    /// The event encoded as an SSE message; `generation` counts events sent by the broadcaster.
    func serverSentEvent(generation: Int) -> String {
        var fields = ["\"generation\":\(generation)"]
        switch self {
        case .reload, .buildSucceeded:
            break
        case .cssChanged(let paths):
            fields.append("\"paths\":[" + paths.map(Self.jsonString).joined(separator: ",") + "]")
        case .buildFailed(let message):
            fields.append("\"message\":" + Self.jsonString(message))
        }
        return "event: \(name)\ndata: {" + fields.joined(separator: ",") + "}\n\n"
    }

    /// Encodes a string as a JSON string literal (no raw newlines, so it fits one SSE `data:` line).
    static func jsonString(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
