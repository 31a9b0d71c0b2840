/// Guide texts that tests of several targets share.
public enum SampleGuides {
    /// One topic, two papers, three authors.
    public static let minimal = """
    A quick guide to Northwind's papers at KDD 2024

    Across many topics, Northwind research blends theory and practice.

    The intro paragraph.

    Graph mining

    Graph mining finds structure in networks.

    Scalable motif counting on streaming graphs
    Lena Albrecht, Tomas Ruiz

    Hierarchical forecasts that stay coherent
    Priya Raman, Lena Albrecht
    """
}
