/// The pages of a `PagedList` as outputs: their ids and paths for a kind's
/// listing, each page's part of the list (`Derivations.listPage`), its title
/// and its `Pagination`.
enum PagedListOutputs {
    /// Pages `first`… of `list` (`count` items, `perPage` a page), each at `route(number)`.
    static func items(_ list: PagedList, count: Int, perPage: Int, from first: Int = 1,
                      route: (Int) -> String, _ reader: Reader) -> [OutputKind.Item] {
        ListPages(count, perPage: perPage).numbers.filter { $0 >= first }.map { number in
            (id(list, number, reader), .page(route(number)))
        }
    }

    /// Page `number` of `list`, which `Derivations.listPageIDs` handed out.
    static func id(_ list: PagedList, _ number: Int, _ reader: Reader) -> Int32 {
        reader.snapshot.identities.existingListPage(list, number: number)!
    }

    /// The part of its list that page `id` shows.
    static func slice(_ id: Int32, _ reader: Reader) -> ListSlice {
        reader.derived(Derivations.listPage, id)!
    }

    /// `title`, or "`title`, page 2 of 7" on a list of several pages.
    static func title(_ title: String, _ slice: ListSlice) -> String {
        slice.pageCount > 1 ? "\(title), page \(slice.number) of \(slice.pageCount)" : title
    }

    /// The page's `pagination` (every page at `route(number)`); nil for a list of one page.
    static func pagination(_ slice: ListSlice, route: (Int) -> String, _ reader: Reader) -> Pagination? {
        guard slice.pageCount > 1 else { return nil }
        return Pagination(number: slice.number, urls: (1...slice.pageCount).map { reader.site.links.url(route($0)) })
    }
}

extension PagedList {
    /// What the list is of, for the kind that shows it; nil for the other kinds.
    var guide: GuideID? {
        switch self {
        case .topics(let guide), .papers(let guide), .paperLetter(let guide, _): guide
        default: nil
        }
    }
    var topic: TopicID? { if case .topic(let topic) = self { topic } else { nil } }
    var author: AuthorID? { if case .author(let author) = self { author } else { nil } }
    /// The letter of an A–Z list split by letter.
    var letter: String? {
        switch self {
        case .authorLetter(let letter), .paperLetter(_, let letter): letter
        default: nil
        }
    }
}
