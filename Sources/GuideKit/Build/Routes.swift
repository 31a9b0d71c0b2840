/// The site's URL scheme: pretty URLs under the base path.
struct Routes: Sendable {
    /// Starts and ends with "/".
    var base: String

    func topicPath(_ topic: Topic) -> String { "topics/\(topic.slug)/" }
    func paperPath(_ paper: Paper) -> String { "papers/\(paper.slug)/" }
    func authorPath(_ author: Author) -> String { "authors/\(author.slug)/" }

    /// A link as pages write it: the base path plus a path relative to the site root.
    func url(_ path: String) -> String { base + path }
}
