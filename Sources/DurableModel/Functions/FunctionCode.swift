import Foundation

/// `FunctionCode`: the code package of `CreateFunction` (stored as a digest; this service never runs it).
public struct FunctionCode: Codable, Sendable, Hashable {
    /// The zip archive's bytes (base64 on the wire).
    public var zipFile: Data?
    /// The S3 bucket of the archive.
    public var s3Bucket: String?
    /// The S3 key of the archive.
    public var s3Key: String?
    /// The S3 object version.
    public var s3ObjectVersion: String?
    /// A container image URI.
    public var imageUri: String?

    /// Creates a code package.
    public init(zipFile: Data? = nil, s3Bucket: String? = nil, s3Key: String? = nil, s3ObjectVersion: String? = nil, imageUri: String? = nil) {
        self.zipFile = zipFile
        self.s3Bucket = s3Bucket
        self.s3Key = s3Key
        self.s3ObjectVersion = s3ObjectVersion
        self.imageUri = imageUri
    }

    enum CodingKeys: String, CodingKey {
        case zipFile = "ZipFile", s3Bucket = "S3Bucket", s3Key = "S3Key", s3ObjectVersion = "S3ObjectVersion", imageUri = "ImageUri"
    }
}
