/// The calendars: a paper's `event.ics` when it has a start time, and its
/// guide's `schedule.ics` with every such paper, in the schedule's order.
enum CalendarFiles {
    /// `papers/<slug>/event.ics`.
    static let ofPaper = OutputKind(name: "event.ics", page: nil, itemsOfGuide: { guide, reader in
        (reader.derived(Derivations.schedule, guide.raw) ?? []).map(\.raw)
    }, outputsOfItem: { paper, reader in
        [(paper, OutputPath(in: reader.title(PaperID(paper)).path, name: Routes.eventFileName))]
    }, render: { id, reader throws(Diagnostic) in
        .file(Array(ICalendar.calendar(name: nil, events: [reader.derived(Derivations.calendarEvent, id) ?? ""]).utf8))
    })

    /// `<guide>/schedule.ics`.
    static let ofGuide = OutputKind(name: "schedule.ics", page: nil, outputsOfGuide: { guide, reader in
        (reader.derived(Derivations.schedule, guide.raw) ?? []).isEmpty
            ? [] : [(guide.raw, OutputPath(Routes.scheduleCalendar(prefix: reader.guide(guide).prefix)))]
    }, render: { id, reader throws(Diagnostic) in
        let guide = GuideID(id)
        let events = (reader.derived(Derivations.schedule, id) ?? []).map { reader.derived(Derivations.calendarEvent, $0.raw) ?? "" }
        return .file(Array(ICalendar.calendar(name: reader.guide(guide).name, events: events).utf8))
    })
}
