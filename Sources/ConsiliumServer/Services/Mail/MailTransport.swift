/// Something that hands a message to the outside world. Throwing means "not delivered, try later".
protocol MailTransport: Sendable {
    func send(_ mail: OutgoingMail) async throws
}
