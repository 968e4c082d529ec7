import Durable
import DurableModel

/// Every conformance requirement's handler, named `conformance-<id>`, ready to be hosted in process
/// (`conformance-server`) or served by Runtime API workers (`conformance-worker`).
public enum ConformanceCatalog {
    /// The execution timeout of most handlers (the longest requirement finishes in well under a minute).
    static let defaultTimeout: Duration = .seconds(900)

    /// Every handler as `conformance-<id>`, plus the chained-invoke targets the invoke suite needs.
    ///
    /// `crashLedger` remembers which executions already crashed once; processes serving the same
    /// executions (several workers) must share one on disk.
    public static func functions(crashLedger: CrashLedger = CrashLedger()) -> [ConformanceFunction] {
        var list: [ConformanceFunction] = []
        registerStep(into: &list)
        registerWait(into: &list)
        registerChild(into: &list, crashLedger: crashLedger)
        registerCallback(into: &list)
        registerInvoke(into: &list)
        registerWaitForCondition(into: &list)
        registerWaitForCallback(into: &list)
        registerParallel(into: &list)
        registerMap(into: &list)
        registerPlugin(into: &list)
        return list
    }

    /// The requirement ids `functions` covers, in suite order.
    public static var requirementIds: [String] {
        (1...20).map { "1-\($0)" } + (1...5).map { "2-\($0)" } + (1...18).map { "3-\($0)" } + (1...19).map { "4-\($0)" }
            + (1...16).map { "5-\($0)" } + (1...13).map { "6-\($0)" } + (1...15).map { "7-\($0)" }
            + (1...22).map { "8-\($0)" } + (1...20).map { "9-\($0)" } + (1...7).map { "10-\($0)" }
    }

    /// Adds `function` as `conformance-<id>`.
    static func host<F: DurableFunction>(
        _ id: String, _ function: F, into list: inout [ConformanceFunction],
        executionTimeout: Duration = defaultTimeout, configuration: DurableRuntimeConfiguration = .init()
    ) {
        list.append(ConformanceFunction(function, name: "conformance-\(id)", executionTimeout: executionTimeout, configuration: configuration))
    }

    /// Adds `function` as `conformance-<id>` behind a wrapper that turns `crashSwitch.crash()` into a
    /// crashed invocation (`Runtime.ExitError`, as Lambda reports a runtime process that exited mid-step).
    static func hostCrashing<F: DurableFunction>(
        _ id: String, _ function: F, crashSwitch: CrashSwitch, into list: inout [ConformanceFunction]
    ) {
        let plain = ConformanceFunction(function, name: "conformance-\(id)", executionTimeout: defaultTimeout)
        let handler = plain.handler
        list.append(ConformanceFunction(name: plain.name, executionTimeout: defaultTimeout, configuration: plain.configuration) { input, client, configuration in
            let crashes = crashSwitch.arm()
            let (outcomes, sink) = AsyncStream<Result<InvocationOutput, any Error>>.makeStream()
            Task {
                do { sink.yield(.success(try await handler(input, client, configuration))) } catch { sink.yield(.failure(error)) }
            }
            Task {
                for await _ in crashes {
                    sink.yield(.failure(CrashSwitch.exitError))
                    return
                }
            }
            for await outcome in outcomes {
                sink.finish()
                return try outcome.get()
            }
            throw CrashSwitch.exitError
        })
    }

    static func registerStep(into list: inout [ConformanceFunction]) {
        host("1-1", Conformance_1_1(), into: &list)
        host("1-2", Conformance_1_2(), into: &list)
        host("1-3", Conformance_1_3(), into: &list)
        host("1-4", Conformance_1_4(), into: &list)
        host("1-5", Conformance_1_5(), into: &list)
        host("1-6", Conformance_1_6(), into: &list)
        host("1-7", Conformance_1_7(), into: &list)
        host("1-8", Conformance_1_8(), into: &list)
        host("1-9", Conformance_1_9(), into: &list)
        host("1-10", Conformance_1_10(), into: &list)
        host("1-11", Conformance_1_11(), into: &list)
        host("1-12", Conformance_1_12(), into: &list)
        host("1-13", Conformance_1_13(), into: &list)
        host("1-14", Conformance_1_14(), into: &list)
        host("1-15", Conformance_1_15(), into: &list)
        host("1-16", Conformance_1_16(), into: &list)
        let crash17 = CrashSwitch()
        hostCrashing("1-17", Conformance_1_17(crashSwitch: crash17), crashSwitch: crash17, into: &list)
        let crash18 = CrashSwitch()
        hostCrashing("1-18", Conformance_1_18(crashSwitch: crash18), crashSwitch: crash18, into: &list)
        host("1-19", Conformance_1_19(), into: &list)
        host("1-20", Conformance_1_20(), into: &list)
    }

    static func registerWait(into list: inout [ConformanceFunction]) {
        host("2-1", Conformance_2_1(), into: &list)
        host("2-2", Conformance_2_2(), into: &list)
        host("2-3", Conformance_2_3(), into: &list)
        host("2-4", Conformance_2_4(), into: &list)
        host("2-5", Conformance_2_5(), into: &list, executionTimeout: .seconds(7200))
    }

    static func registerChild(into list: inout [ConformanceFunction], crashLedger: CrashLedger) {
        host("3-1", Conformance_3_1(), into: &list)
        host("3-2", Conformance_3_2(), into: &list)
        host("3-3", Conformance_3_3(), into: &list)
        host("3-4", Conformance_3_4(), into: &list)
        host("3-5", Conformance_3_5(), into: &list)
        host("3-6", Conformance_3_6(), into: &list)
        host("3-7", Conformance_3_7(), into: &list)
        host("3-8", Conformance_3_8(), into: &list)
        host("3-9", Conformance_3_9(), into: &list)
        host("3-10", Conformance_3_10(), into: &list)
        host("3-11", Conformance_3_11(), into: &list,
             configuration: DurableRuntimeConfiguration(replayAwareLogging: false))
        let crash12 = CrashSwitch()
        hostCrashing("3-12", Conformance_3_12(crashSwitch: crash12, crashed: crashLedger), crashSwitch: crash12, into: &list)
        host("3-13", Conformance_3_13(), into: &list)
        host("3-14", Conformance_3_14(), into: &list)
        host("3-15", Conformance_3_15(), into: &list)
        host("3-16", Conformance_3_16(), into: &list)
        host("3-17", Conformance_3_17(), into: &list,
             configuration: DurableRuntimeConfiguration(replayAwareLogging: false))
        host("3-18", Conformance_3_18(), into: &list)
    }

    static func registerCallback(into list: inout [ConformanceFunction]) {
        host("4-1", Conformance_4_1(), into: &list)
        host("4-2", Conformance_4_2(), into: &list)
        host("4-3", Conformance_4_3(), into: &list)
        host("4-4", Conformance_4_4(), into: &list)
        host("4-5", Conformance_4_5(), into: &list)
        host("4-6", Conformance_4_6(), into: &list)
        host("4-7", Conformance_4_7(), into: &list)
        host("4-8", Conformance_4_8(), into: &list)
        host("4-9", Conformance_4_9(), into: &list)
        host("4-10", Conformance_4_10(), into: &list)
        host("4-11", Conformance_4_11(), into: &list)
        host("4-12", Conformance_4_12(), into: &list)
        host("4-13", Conformance_4_13(), into: &list)
        host("4-14", Conformance_4_14(), into: &list)
        host("4-15", Conformance_4_15(), into: &list)
        host("4-16", Conformance_4_16(), into: &list)
        host("4-17", Conformance_4_17(), into: &list)
        host("4-18", Conformance_4_18(), into: &list)
        host("4-19", Conformance_4_19(), into: &list)
    }

    static func registerInvoke(into list: inout [ConformanceFunction]) {
        list.append(ConformanceFunction(InvokeTargets.echoFunction, name: InvokeTargets.echo, executionTimeout: defaultTimeout))
        list.append(ConformanceFunction(InvokeTargets.failingFunction, name: InvokeTargets.failing, executionTimeout: defaultTimeout))
        list.append(ConformanceFunction(InvokeTargets.largeFunction, name: InvokeTargets.large, executionTimeout: defaultTimeout))
        host("5-1", Conformance_5_1(), into: &list)
        host("5-2", Conformance_5_2(), into: &list)
        host("5-3", Conformance_5_3(), into: &list)
        host("5-4", Conformance_5_4(), into: &list)
        host("5-5", Conformance_5_5(), into: &list)
        host("5-6", Conformance_5_6(), into: &list)
        host("5-7", Conformance_5_7(), into: &list)
        host("5-8", Conformance_5_8(), into: &list)
        host("5-9", Conformance_5_9(), into: &list)
        host("5-10", Conformance_5_10(), into: &list)
        host("5-11", Conformance_5_11(), into: &list)
        host("5-12", Conformance_5_12(), into: &list)
        host("5-13", Conformance_5_13(), into: &list)
        host("5-14", Conformance_5_14(), into: &list)
        host("5-15", Conformance_5_15(), into: &list)
        host("5-16", Conformance_5_16(), into: &list)
    }

    static func registerWaitForCondition(into list: inout [ConformanceFunction]) {
        host("6-1", Conformance_6_1(), into: &list)
        host("6-2", Conformance_6_2(), into: &list)
        host("6-3", Conformance_6_3(), into: &list)
        host("6-4", Conformance_6_4(), into: &list)
        host("6-5", Conformance_6_5(), into: &list)
        host("6-6", Conformance_6_6(), into: &list)
        host("6-7", Conformance_6_7(), into: &list)
        host("6-8", Conformance_6_8(), into: &list)
        host("6-9", Conformance_6_9(), into: &list)
        host("6-10", Conformance_6_10(), into: &list)
        host("6-11", Conformance_6_11(), into: &list)
        host("6-12", Conformance_6_12(), into: &list)
        host("6-13", Conformance_6_13(), into: &list)
    }

    static func registerWaitForCallback(into list: inout [ConformanceFunction]) {
        host("7-1", Conformance_7_1(), into: &list)
        host("7-2", Conformance_7_2(), into: &list)
        host("7-3", Conformance_7_3(), into: &list)
        host("7-4", Conformance_7_4(), into: &list)
        host("7-5", Conformance_7_5(), into: &list)
        host("7-6", Conformance_7_6(), into: &list)
        host("7-7", Conformance_7_7(), into: &list)
        host("7-8", Conformance_7_8(), into: &list)
        host("7-9", Conformance_7_9(), into: &list)
        host("7-10", Conformance_7_10(), into: &list)
        host("7-11", Conformance_7_11(), into: &list)
        host("7-12", Conformance_7_12(), into: &list)
        host("7-13", Conformance_7_13(), into: &list)
        host("7-14", Conformance_7_14(), into: &list)
        host("7-15", Conformance_7_15(), into: &list)
    }

    static func registerParallel(into list: inout [ConformanceFunction]) {
        host("8-1", Conformance_8_1(), into: &list)
        host("8-2", Conformance_8_2(), into: &list)
        host("8-3", Conformance_8_3(), into: &list)
        host("8-4", Conformance_8_4(), into: &list)
        host("8-5", Conformance_8_5(), into: &list)
        host("8-6", Conformance_8_6(), into: &list)
        host("8-7", Conformance_8_7(), into: &list)
        host("8-8", Conformance_8_8(), into: &list)
        host("8-9", Conformance_8_9(), into: &list)
        host("8-10", Conformance_8_10(), into: &list)
        host("8-11", Conformance_8_11(), into: &list)
        host("8-12", Conformance_8_12(), into: &list)
        host("8-13", Conformance_8_13(), into: &list)
        host("8-14", Conformance_8_14(), into: &list)
        host("8-15", Conformance_8_15(), into: &list)
        host("8-16", Conformance_8_16(), into: &list)
        host("8-17", Conformance_8_17(), into: &list)
        host("8-18", Conformance_8_18(), into: &list)
        host("8-19", Conformance_8_19(), into: &list)
        host("8-20", Conformance_8_20(), into: &list)
        host("8-21", Conformance_8_21(), into: &list)
        host("8-22", Conformance_8_22(), into: &list)
    }

    static func registerMap(into list: inout [ConformanceFunction]) {
        host("9-1", Conformance_9_1(), into: &list)
        host("9-2", Conformance_9_2(), into: &list)
        host("9-3", Conformance_9_3(), into: &list)
        host("9-4", Conformance_9_4(), into: &list)
        host("9-5", Conformance_9_5(), into: &list)
        host("9-6", Conformance_9_6(), into: &list)
        host("9-7", Conformance_9_7(), into: &list)
        host("9-8", Conformance_9_8(), into: &list)
        host("9-9", Conformance_9_9(), into: &list)
        host("9-10", Conformance_9_10(), into: &list)
        host("9-11", Conformance_9_11(), into: &list)
        host("9-12", Conformance_9_12(), into: &list)
        host("9-13", Conformance_9_13(), into: &list)
        host("9-14", Conformance_9_14(), into: &list)
        host("9-15", Conformance_9_15(), into: &list)
        host("9-16", Conformance_9_16(), into: &list)
        host("9-17", Conformance_9_17(), into: &list)
        host("9-18", Conformance_9_18(), into: &list)
        host("9-19", Conformance_9_19(), into: &list)
        host("9-20", Conformance_9_20(), into: &list)
    }

    static func registerPlugin(into list: inout [ConformanceFunction]) {
        func plugins(_ plugins: any DurablePlugin...) -> DurableRuntimeConfiguration {
            DurableRuntimeConfiguration(plugins: plugins)
        }
        host("10-1", Conformance_10_1(), into: &list, configuration: plugins(ConformancePlugin()))
        host("10-2", Conformance_10_2(), into: &list, configuration: plugins(ConformancePlugin()))
        host("10-3", Conformance_10_3(), into: &list, configuration: plugins(ConformancePlugin()))
        host("10-4", Conformance_10_4(), into: &list,
             configuration: plugins(ConformancePlugin(label: "CONFPLUGIN-FAULTY", faulty: true)))
        host("10-5", Conformance_10_5(), into: &list,
             configuration: plugins(ConformancePlugin(label: "CONFPLUGIN-A", reportsFirst: false),
                                    ConformancePlugin(label: "CONFPLUGIN-B", reportsFirst: false)))
        host("10-6", Conformance_10_6(), into: &list, configuration: plugins(ConformancePlugin()))
        host("10-7", Conformance_10_7(), into: &list, configuration: plugins(ConformancePlugin()))
    }
}
