/// A guide's topics, each with the one before and the one after it: a topic
/// page's "previous" and "next" links. A page reads its own topic's part
/// (`Aspect.topicNeighbour`), so adding, removing or renaming a topic
/// redoes the pages of the topics whose neighbours changed, not every topic
/// page of the guide (1,000 of them at 10,000 papers, 40 ms of every such edit).
struct TopicNeighbours: Equatable, Sendable {
    let topics: [TopicID]
    /// By topic: its place in `topics`.
    private let places: [TopicID: Int]

    init(_ topics: [TopicID]) {
        self.topics = topics
        places = Dictionary(topics.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The topic `step` places from `topic` (-1: the one before), if any.
    func neighbour(of topic: TopicID, _ step: Int) -> TopicID? {
        guard let place = places[topic], topics.indices.contains(place + step) else { return nil }
        return topics[place + step]
    }

    /// The topics whose neighbour before or after differs between `old` and
    /// `new`, and those that came or went.
    static func changes(from old: TopicNeighbours, to new: TopicNeighbours) -> [TopicID] {
        let came = new.topics.filter { topic in
            old.places[topic] == nil || [-1, 1].contains { old.neighbour(of: topic, $0) != new.neighbour(of: topic, $0) }
        }
        return came + old.topics.filter { new.places[$0] == nil }
    }

    static func == (lhs: TopicNeighbours, rhs: TopicNeighbours) -> Bool { lhs.topics == rhs.topics }
}
