/// `FunctionCodeLocation`: where `GetFunction` says a version's code lives.
public struct FunctionCodeLocation: Codable, Sendable, Hashable {
    /// `S3` for zip packages, `ECR` for images.
    public var repositoryType: String?
    /// A download URL (absent: this service keeps only the package's digest).
    public var location: String?
    /// The image URI of an image package.
    public var imageUri: String?

    /// Creates a location.
    public init(repositoryType: String? = nil, location: String? = nil, imageUri: String? = nil) {
        self.repositoryType = repositoryType
        self.location = location
        self.imageUri = imageUri
    }

    enum CodingKeys: String, CodingKey { case repositoryType = "RepositoryType", location = "Location", imageUri = "ImageUri" }
}
