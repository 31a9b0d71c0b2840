import Mustache

/// `<guide>/schedule/` (`/schedule/` for the only guide): the guide's papers
/// that have a start time, day by day and session by session, in time order.
/// Only a guide with such a paper has one (and the "Schedule" navigation item).
enum SchedulePage {
    static let kind = OutputKind(name: "schedule", page: .schedule, outputsOfGuide: { guide, reader in
        (reader.derived(Derivations.schedule, guide.raw) ?? []).isEmpty
            ? [] : [(guide.raw, .page(Routes.schedule(prefix: reader.guide(guide).prefix)))]
    }, render: { id, reader throws(Diagnostic) in
        let guide = GuideID(id)
        let info = reader.guide(guide)
        return try PageLayout.render(.schedule, route: Routes.schedule(prefix: info.prefix), guide: guide, title: "Schedule",
                                     description: "When and where the papers of \(info.name) are presented, day by day.",
                                     body: Body(reader: reader, guide: guide), reader)
    })

    /// `schedule`.
    struct Body: MustacheParent {
        let reader: Reader
        let guide: GuideID

        func child(named name: String) -> Any? {
            name == "schedule" ? ScheduleView(reader: reader, guide: guide) : nil
        }
    }
}

/// The order and grouping of a guide's schedule.
enum Schedule {
    /// The guide's papers with a start time: by the day as written, the time
    /// (UTC), the session's name, then the title as "All papers" orders it
    /// and the paper's key, so that the order depends on nothing else.
    static func order(of guide: GuideID, _ reader: Reader) -> [PaperID] {
        var timed: [(paper: PaperID, day: String, time: Double, session: String, title: String, key: GuideItemKey)] = []
        for paper in reader.papers(of: guide) {
            guard let details = reader.paper(paper).value.details, let starts = details.starts else { continue }
            timed.append((paper, starts.day, starts.date.timeIntervalSince1970, details.session ?? "",
                          reader.title(paper).sortKey, reader.key(of: paper)))
        }
        timed.sort { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.time != b.time { return a.time < b.time }
            if a.session != b.session { return a.session < b.session }
            if a.title != b.title { return a.title < b.title }
            return a.key.name != b.key.name ? a.key.name < b.key.name : a.key.occurrence < b.key.occurrence
        }
        return timed.map(\.paper)
    }

    /// Whether `previous`, the guide's schedule, still holds after `changes`:
    /// no paper of it changed (its details or its title; one removed has
    /// changed), and no paper that changed has a start time now (one added or
    /// given a time). Records what `order` reads, without reading every
    /// paper's details: 10,000 papers, each its own object in memory, took
    /// 1–2 ms of every edit that adds, removes or retitles one.
    static func stillHolds(_ previous: [PaperID], of guide: GuideID, _ reader: Reader, _ changes: DerivationChanges) -> Bool {
        let (infos, titles) = (reader.snapshot.tables.papers, reader.snapshot.tables.paperTitles)
        reader.recordReads(infos, reader.papers(of: guide))
        reader.recordReads(titles, previous)
        if previous.contains(where: { changes.facts.contains(Fact(.paper, $0.raw)) || changes.facts.contains(Fact(.paperTitle, $0.raw)) }) {
            return false
        }
        return !changes.facts.facts.contains { fact in
            fact.aspect == .paper && infos[fact.id]?.value.details?.starts != nil
        }
    }

    /// A day of the schedule: its sessions in the order of their first
    /// paper, each with its papers in time order.
    struct Day {
        var day: String
        var sessions: [(name: String, papers: [PaperID])] = []
    }

    /// `papers` (in `order`'s order) by day, then by session.
    static func days(_ papers: [PaperID], _ reader: Reader) -> [Day] {
        var days: [Day] = []
        var sessionIndex: [String: Int] = [:]
        for paper in papers {
            guard let details = reader.paper(paper).details, let starts = details.starts else { continue }
            if days.last?.day != starts.day {
                days.append(Day(day: starts.day))
                sessionIndex = [:]
            }
            let session = details.session ?? ""
            if let index = sessionIndex[session] {
                days[days.count - 1].sessions[index].papers.append(paper)
            } else {
                sessionIndex[session] = days[days.count - 1].sessions.count
                days[days.count - 1].sessions.append((session, [paper]))
            }
        }
        return days
    }
}

/// `schedule`: `{days, calendar_url, paper_count, paper_count_label}`.
struct ScheduleView: MustacheParent {
    let reader: Reader
    let guide: GuideID

    func child(named name: String) -> Any? {
        let papers = reader.derived(Derivations.schedule, guide.raw) ?? []
        switch name {
        case "days": return Schedule.days(papers, reader).map { ScheduleDayView(reader: reader, day: $0) }
        case "calendar_url": return asText(reader.site.links.url(Routes.scheduleCalendar(prefix: reader.guide(guide).prefix)))
        case "paper_count": return papers.count
        case "paper_count_label": return asText(count(papers.count, "paper"))
        default: return nil
        }
    }
}

/// `{date, label, id, sessions}`: a day of the schedule (`date` as written,
/// `2023-07-25`; `label` "Tuesday, July 25, 2023"; `id` "day-2023-07-25").
struct ScheduleDayView: MustacheParent {
    let reader: Reader
    let day: Schedule.Day

    func child(named name: String) -> Any? {
        switch name {
        case "date": asText(day.day)
        case "id": asText("day-" + day.day)
        case "label": day.sessions.first?.papers.first
            .flatMap { reader.paper($0).details?.starts }.map { asText(SessionView.dayLabel($0)) }
        case "sessions": day.sessions.map { ScheduleSessionView(reader: reader, name: $0.name, papers: $0.papers) }
        default: nil
        }
    }
}

/// `{name, papers}`: a session of a day; `name` is missing for papers whose details name no session.
struct ScheduleSessionView: MustacheParent {
    let reader: Reader
    let name: String
    let papers: [PaperID]

    func child(named name: String) -> Any? {
        switch name {
        case "name": nonEmpty(self.name)
        case "papers": papers.map { ScheduleEntryView(reader: reader, id: $0) }
        default: nil
        }
    }
}

/// A paper in the schedule: a paper card's fields and the session's
/// (`starts`, `ends`, `time_label`, `room`: `SessionView`).
struct ScheduleEntryView: MustacheParent {
    let reader: Reader
    let id: PaperID

    func child(named name: String) -> Any? {
        switch name {
        case "starts", "ends", "time_label", "room":
            reader.paper(id).details.flatMap { SessionView($0.value) }?.child(named: name)
        default: PaperCardView(reader: reader, id: id).child(named: name)
        }
    }
}
