/// The version `guide --version` prints.
public enum GuideVersion {
    public static let current = "0.9.0"
}
