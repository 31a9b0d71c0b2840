import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Checks links out of the site (`guide check --external`): a HEAD request,
/// then a GET when the server refuses HEAD or the HEAD fails; redirects
/// followed by hand (at most 5) so that a permanent one can be reported;
/// at most `concurrency` requests at a time, each given `timeout` seconds.
public struct ExternalLinkChecker: Sendable {
    public var concurrency: Int
    public var timeout: Double

    public init(concurrency: Int = 8, timeout: Double = 10) {
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
    }

    /// What a link led to.
    public enum Outcome: Hashable, Sendable {
        case ok
        /// A permanent redirect (301, 308) to a page that answers.
        case moved(to: String)
        case notFound(status: Int)
        case failed(status: Int)
        case timedOut
        case unreachable(String)
    }

    /// One diagnostic per link that does not simply answer: not found (404,
    /// 410) is an error, the rest warnings, as servers fail for a while.
    public func check(_ links: [ExternalLink]) async -> [Diagnostic] {
        let outcomes = await outcomes(of: links.map(\.url))
        return zip(links, outcomes).compactMap { link, outcome in
            let pages = link.pages == 1 ? "" : " (on \(link.pages) pages)"
            switch outcome {
            case .ok: return nil
            case .moved(let target):
                return .warning(link.file, line: link.line, "link to \"\(link.url)\" has moved permanently to \"\(target)\"; link there instead\(pages)")
            case .notFound(let status):
                return .error(link.file, line: link.line, "link to \"\(link.url)\" is broken: the server answers \(status) (not found)\(pages)")
            case .failed(let status):
                return .warning(link.file, line: link.line, "link to \"\(link.url)\" failed: the server answers \(status)\(pages)")
            case .timedOut:
                return .warning(link.file, line: link.line, "link to \"\(link.url)\" did not answer within \(Self.seconds(timeout))\(pages)")
            case .unreachable(let reason):
                return .warning(link.file, line: link.line, "link to \"\(link.url)\" could not be reached (\(reason))\(pages)")
            }
        }
    }

    /// The outcome of each URL, in order, with at most `concurrency` in flight.
    public func outcomes(of urls: [String]) async -> [Outcome] {
        let session = URLSession(configuration: Self.configuration(timeout: timeout), delegate: RedirectsByHand(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withTaskGroup(of: (Int, Outcome).self) { group in
            var results = [Outcome](repeating: .ok, count: urls.count)
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask { (index, await Self.probe(urls[index], session: session)) }
            }
            while next < min(concurrency, urls.count) { start() }
            for await (index, outcome) in group {
                results[index] = outcome
                if next < urls.count { start() }
            }
            return results
        }
    }

    static func configuration(timeout: Double) -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpAdditionalHeaders = ["User-Agent": "guide-check/\(GuideVersion.current)"]
        return configuration
    }

    static func probe(_ link: String, session: URLSession) async -> Outcome {
        guard var url = URL(string: link) else { return .unreachable("not a valid URL") }
        var permanent: String?
        for _ in 0..<6 {
            var answer = await request(url, method: "HEAD", session: session)
            // Servers that refuse or mishandle HEAD often answer GET.
            if case .status(let status, _) = answer, [400, 403, 405, 429, 501].contains(status) || status >= 500 {
                answer = await request(url, method: "GET", session: session)
            } else if case .error(let error) = answer, error.code != .timedOut {
                answer = await request(url, method: "GET", session: session)
            }
            switch answer {
            case .error(let error):
                return error.code == .timedOut ? .timedOut : .unreachable(error.localizedDescription)
            case .status(let status, let location):
                if (300...399).contains(status), let location, let next = URL(string: location, relativeTo: url)?.absoluteURL {
                    if status == 301 || status == 308, permanent == nil { permanent = next.absoluteString }
                    url = next
                    continue
                }
                if (200...299).contains(status) { return permanent.map { .moved(to: $0) } ?? .ok }
                if status == 404 || status == 410 { return .notFound(status: status) }
                return .failed(status: status)
            }
        }
        return .unreachable("more than 5 redirects")
    }

    enum Answer {
        case status(Int, location: String?)
        case error(URLError)
    }

    static func request(_ url: URL, method: String, session: URLSession) async -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .status(200, location: nil) }
            return .status(http.statusCode, location: http.value(forHTTPHeaderField: "Location"))
        } catch let error as URLError {
            return .error(error)
        } catch {
            return .error(URLError(.unknown))
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Hands redirects back as answers, so that the checker sees each one.
private final class RedirectsByHand: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
