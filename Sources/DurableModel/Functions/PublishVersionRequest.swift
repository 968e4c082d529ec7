/// The body of `PublishVersion`.
public struct PublishVersionRequest: Codable, Sendable, Hashable {
    /// Only publish when `$LATEST`'s code still has this digest.
    public var codeSha256: String?
    /// The version's description (default: `$LATEST`'s).
    public var description: String?
    /// Only publish when `$LATEST`'s revision is still this one.
    public var revisionId: String?

    /// Creates a request.
    public init(codeSha256: String? = nil, description: String? = nil, revisionId: String? = nil) {
        self.codeSha256 = codeSha256
        self.description = description
        self.revisionId = revisionId
    }

    enum CodingKeys: String, CodingKey { case codeSha256 = "CodeSha256", description = "Description", revisionId = "RevisionId" }
}
