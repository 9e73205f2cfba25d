/// The parts of every page that come from configuration.
struct SiteContext: Sendable {
    let institutionName: String
    let serviceName: String
    let servicePhone: String
    /// Whether the development mailbox link is shown (development only).
    let showDevelopmentMailbox: Bool
}

extension SiteContext {
    /// How every notice ends: who sent it and the number to call.
    var mailSignature: String {
        "\n\(serviceName)\n\(institutionName)\n\(servicePhone)\n"
    }
}
