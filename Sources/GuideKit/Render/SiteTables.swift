import Foundation

/// Where the tables of a snapshot's model are in memory, for `Reader`: a
/// read through a `Stored` would retain the table's array, shared by every
/// thread, on every read, and those retains were a large part of a build.
/// The snapshot keeps the model, so the arrays stay where they are.
/// (`CoreTests` checks that every table of `SiteModel` is here.)
struct SiteTables: @unchecked Sendable {
    let site: TableView<Box<SiteInfo>?>
    let siteGuides: TableView<Box<[GuideID]>?>
    let siteAuthors: TableView<Box<[AuthorID]>?>
    let sitePostings: TableView<Box<[PostingID]>?>
    let sitePaperCount: TableView<Box<Int>?>
    let siteTopicCount: TableView<Box<Int>?>
    let siteAuthorCount: TableView<Box<Int>?>
    let sitePostingCount: TableView<Box<Int>?>
    let siteGuideCount: TableView<Box<Int>?>
    let guides: TableView<Box<GuideInfo>?>
    let guideTexts: TableView<Box<GuideText>?>
    let guideTopics: TableView<Box<[TopicID]>?>
    let guidePapers: TableView<Box<[PaperID]>?>
    let guideLoose: TableView<Box<LooseItems>?>
    let guidePaperCount: TableView<Box<Int>?>
    let guideTopicCount: TableView<Box<Int>?>
    let guideAuthorCount: TableView<Box<Int>?>
    let guidePostingCount: TableView<Box<Int>?>
    let guidePaperLetters: TableView<Box<LetterCounts>?>
    let guideModified: TableView<Box<Date>?>
    let topics: TableView<Box<TopicInfo>?>
    let topicPapers: TableView<Box<[PaperID]>?>
    let paperTitles: TableView<Box<PaperTitle>?>
    let papers: TableView<Box<PaperInfo>?>
    let authors: TableView<Box<AuthorInfo>?>
    let authorPapers: TableView<Box<[PaperID]>?>
    let figures: TableView<Box<FigureInfo>?>
    let postings: TableView<Box<PostingInfo>?>
    let extraPages: TableView<Box<ExtraPageInfo>?>
    let extraPageTexts: TableView<Box<ExtraPageText>?>
    let sitePages: TableView<Box<[ExtraPageID]>?>
    let siteNavPages: TableView<Box<[ExtraPageID]>?>
    let guideNavPages: TableView<Box<[ExtraPageID]>?>

    init(_ model: SiteModel) {
        site = TableView(model.site.boxes, aspect: model.site.aspect)
        siteGuides = TableView(model.siteGuides.boxes, aspect: model.siteGuides.aspect)
        siteAuthors = TableView(model.siteAuthors.boxes, aspect: model.siteAuthors.aspect)
        sitePostings = TableView(model.sitePostings.boxes, aspect: model.sitePostings.aspect)
        sitePaperCount = TableView(model.sitePaperCount.boxes, aspect: model.sitePaperCount.aspect)
        siteTopicCount = TableView(model.siteTopicCount.boxes, aspect: model.siteTopicCount.aspect)
        siteAuthorCount = TableView(model.siteAuthorCount.boxes, aspect: model.siteAuthorCount.aspect)
        sitePostingCount = TableView(model.sitePostingCount.boxes, aspect: model.sitePostingCount.aspect)
        siteGuideCount = TableView(model.siteGuideCount.boxes, aspect: model.siteGuideCount.aspect)
        guides = TableView(model.guides.boxes, aspect: model.guides.aspect)
        guideTexts = TableView(model.guideTexts.boxes, aspect: model.guideTexts.aspect)
        guideTopics = TableView(model.guideTopics.boxes, aspect: model.guideTopics.aspect)
        guidePapers = TableView(model.guidePapers.boxes, aspect: model.guidePapers.aspect)
        guideLoose = TableView(model.guideLoose.boxes, aspect: model.guideLoose.aspect)
        guidePaperCount = TableView(model.guidePaperCount.boxes, aspect: model.guidePaperCount.aspect)
        guideTopicCount = TableView(model.guideTopicCount.boxes, aspect: model.guideTopicCount.aspect)
        guideAuthorCount = TableView(model.guideAuthorCount.boxes, aspect: model.guideAuthorCount.aspect)
        guidePostingCount = TableView(model.guidePostingCount.boxes, aspect: model.guidePostingCount.aspect)
        guidePaperLetters = TableView(model.guidePaperLetters.boxes, aspect: model.guidePaperLetters.aspect)
        guideModified = TableView(model.guideModified.boxes, aspect: model.guideModified.aspect)
        topics = TableView(model.topics.boxes, aspect: model.topics.aspect)
        topicPapers = TableView(model.topicPapers.boxes, aspect: model.topicPapers.aspect)
        paperTitles = TableView(model.paperTitles.boxes, aspect: model.paperTitles.aspect)
        papers = TableView(model.papers.boxes, aspect: model.papers.aspect)
        authors = TableView(model.authors.boxes, aspect: model.authors.aspect)
        authorPapers = TableView(model.authorPapers.boxes, aspect: model.authorPapers.aspect)
        figures = TableView(model.figures.boxes, aspect: model.figures.aspect)
        postings = TableView(model.postings.boxes, aspect: model.postings.aspect)
        extraPages = TableView(model.extraPages.boxes, aspect: model.extraPages.aspect)
        extraPageTexts = TableView(model.extraPageTexts.boxes, aspect: model.extraPageTexts.aspect)
        sitePages = TableView(model.sitePages.boxes, aspect: model.sitePages.aspect)
        siteNavPages = TableView(model.siteNavPages.boxes, aspect: model.siteNavPages.aspect)
        guideNavPages = TableView(model.guideNavPages.boxes, aspect: model.guideNavPages.aspect)
    }
}

/// An array's elements in place, with the aspect a read of them records.
struct TableView<Element>: @unchecked Sendable {
    private let base: UnsafePointer<Element>?
    private let count: Int
    let aspect: Aspect

    /// `elements` must outlive the view and not change while it is used.
    init(_ elements: [Element], aspect: Aspect) {
        (base, count) = elements.withUnsafeBufferPointer { ($0.baseAddress, $0.count) }
        self.aspect = aspect
    }

    subscript<Value>(id: Int32) -> Element where Element == Value? {
        id >= 0 && Int(id) < count ? base![Int(id)] : nil
    }
}
