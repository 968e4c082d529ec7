// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "swift-durable-functions",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DurableModel", targets: ["DurableModel"]),
        .library(name: "Durable", targets: ["Durable"]),
        .library(name: "DurableServer", targets: ["DurableServer"]),
        .library(name: "DurableTesting", targets: ["DurableTesting"]),
        .library(name: "DurableHTTP", targets: ["DurableHTTP"]),
        .library(name: "DurableClient", targets: ["DurableClient"]),
        .library(name: "DurableWorker", targets: ["DurableWorker"]),
        .executable(name: "durable", targets: ["durable"]),
        .executable(name: "conformance-server", targets: ["conformance-server"]),
        .executable(name: "conformance-worker", targets: ["conformance-worker"]),
        .executable(name: "order-worker", targets: ["order-worker"]),
        .executable(name: "durable-bench", targets: ["durable-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
    ],
    targets: [
        // Wire types shared by the SDK and the service: exact AWS JSON, no I/O.
        .target(name: "DurableModel", swiftSettings: swiftSettings),
        // The SDK: DurableFunction, DurableContext and the replay runtime.
        .target(
            name: "Durable",
            dependencies: [
                "DurableModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The service core: engine, stores, scheduler, invokers.
        .target(
            name: "DurableServer",
            dependencies: [
                "DurableModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The test kit: the real engine on an in-memory store with a manual clock.
        .target(
            name: "DurableTesting",
            dependencies: ["Durable", "DurableServer", "DurableModel", "DurableHosting"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OrderProcessing",
            dependencies: ["Durable"],
            path: "Examples/OrderProcessing/Sources",
            swiftSettings: swiftSettings
        ),
        // Hosting Swift durable functions in a process that runs the engine.
        .target(name: "DurableHosting", dependencies: ["Durable", "DurableServer"], swiftSettings: swiftSettings),
        // The AWS Lambda durable-execution HTTP API over the engine (Hummingbird).
        .target(
            name: "DurableHTTP",
            dependencies: [
                "DurableServer", "DurableModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // A client of that HTTP API (AsyncHTTPClient).
        .target(
            name: "DurableClient",
            dependencies: ["DurableModel", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: swiftSettings
        ),
        // Swift durable functions in their own process: a Runtime API worker of a remote service.
        .target(
            name: "DurableWorker",
            dependencies: [
                "Durable", "DurableModel", "DurableClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DurableWorkerTests",
            dependencies: [
                "DurableWorker", "Durable", "DurableModel", "DurableClient", "DurableHTTP", "DurableServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The order workflow as a Runtime API worker (`durable serve --function order-processing`).
        .executableTarget(
            name: "order-worker",
            dependencies: ["OrderProcessing", "DurableWorker", .product(name: "Logging", package: "swift-log")],
            path: "Examples/OrderProcessing/Worker",
            swiftSettings: swiftSettings
        ),
        // The store a service opens from its `--db`: SQLite or PostgreSQL (`durable serve`, `durable-bench serve`).
        .target(
            name: "DurableStores",
            dependencies: [
                "DurableServer", "DurableSQLite", "DurableStorePostgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The `durable` command: serve, invoke, executions, history, callback, stop.
        .executableTarget(
            name: "durable",
            dependencies: [
                "DurableHTTP", "DurableClient", "DurableHosting", "DurableSQLite", "DurableStorePostgres", "DurableServer",
                "DurableStores",
                "OrderProcessing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // The W1–W6 benchmarks and the disk floor (Benchmarks/run.py runs them beside the peers).
        .executableTarget(
            name: "durable-bench",
            dependencies: [
                "Durable", "DurableModel", "DurableServer", "DurableHosting", "DurableSQLite", "DurableHTTP", "DurableClient",
                "DurableStores", "DurableWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/durable-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DurableModelTests", dependencies: ["DurableModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DurableTests", dependencies: ["Durable", "DurableTesting", "DurableServer", "DurableModel", "DurableHosting"],
            swiftSettings: swiftSettings),
        .testTarget(name: "DurableServerTests", dependencies: ["DurableServer", "DurableModel"], swiftSettings: swiftSettings),
        // The SQLite execution store: one row per execution, operation, timer and callback, and per commit's events.
        .target(
            name: "DurableSQLite",
            dependencies: [
                "DurableServer", "DurableModel", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API of the SQLite that GRDB links, for binding the commit's rows directly (see SQLiteArguments).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DurableSQLiteTests",
            dependencies: ["DurableSQLite", "DurableServer", "DurableModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL execution store: the SQLite store's schema and rows on a PostgresNIO pool.
        .target(
            name: "DurableStorePostgres",
            dependencies: [
                "DurableServer", "DurableModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DurableStorePostgresTests",
            dependencies: [
                "DurableStorePostgres", "DurableServer", "DurableModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OrderProcessingTests",
            dependencies: ["OrderProcessing", "DurableTesting"],
            path: "Examples/OrderProcessing/Tests",
            swiftSettings: swiftSettings
        ),
        // The Swift handlers of the official conformance requirements, hosted as `conformance-<id>`.
        .target(
            name: "ConformanceHandlers",
            dependencies: [
                "Durable", "DurableModel",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Conformance/Sources/ConformanceHandlers",
            swiftSettings: swiftSettings
        ),
        // Serves every conformance handler over the HTTP API on the SQLite (or PostgreSQL) store.
        .executableTarget(
            name: "conformance-server",
            dependencies: [
                "ConformanceHandlers", "DurableHTTP", "DurableHosting", "DurableServer", "DurableStores",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Conformance/Sources/conformance-server",
            swiftSettings: swiftSettings
        ),
        // Serves every conformance handler as a Runtime API worker of `conformance-server --workers-only`.
        .executableTarget(
            name: "conformance-worker",
            dependencies: [
                "ConformanceHandlers", "DurableWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Conformance/Sources/conformance-worker",
            swiftSettings: swiftSettings
        ),
    ]
)
