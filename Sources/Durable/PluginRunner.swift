import Logging

/// Calls every plugin, swallowing their errors.
struct PluginRunner: Sendable {
    let plugins: [any DurablePlugin]
    /// The invocation's logger, handed to the hooks in their info values.
    let logger: Logger

    /// Runs `hook` on every plugin.
    func callAll(_ hook: (any DurablePlugin) async throws -> Void) async {
        for plugin in plugins {
            do { try await hook(plugin) } catch {}
        }
    }

    /// Whether any plugin is installed (skips building info values otherwise).
    var isEmpty: Bool { plugins.isEmpty }
}
