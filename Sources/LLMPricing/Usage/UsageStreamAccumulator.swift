import Foundation

/// Accumulates the usage of a streamed response from its server-sent events.
///
/// Feed the stream's text in any chunks, as it arrives; partial lines are buffered.
/// OpenAI-style streams report usage in their final chunk (with
/// `stream_options.include_usage`); Anthropic reports input and cache tokens in
/// `message_start` and the cumulative output in each `message_delta`; Gemini repeats
/// `usageMetadata`, the last one complete.
///
/// ```swift
/// var stream = UsageStreamAccumulator()
/// for chunk in chunks { try stream.consume(chunk) }
/// let parsed = try stream.result()
/// ```
public struct UsageStreamAccumulator: Sendable {
  private var buffer = ""
  private var format: ResponseFormat?
  private var latest: [String: ExactJSON]?
  private var anthropicUsage: [String: ExactJSON] = [:]
  private var model: String?
  private var events = 0

  /// Creates an accumulator.
  ///
  /// - Parameter format: The convention to use; `nil` detects it from the events.
  public init(format: ResponseFormat? = nil) {
    self.format = format
  }

  /// Consumes a chunk of the stream's text.
  ///
  /// - Parameter text: Any part of the stream; lines may be split across chunks.
  /// - Throws: ``PricingError/Code/invalidData`` naming the event when a `data:` line is
  ///   not JSON.
  public mutating func consume(_ text: String) throws {
    buffer += text
    // A chunk without a line end completes no line: the buffer is searched only when one
    // arrives, and cut once per chunk, so a long line fed in small chunks costs linear time.
    guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return }
    var start = buffer.startIndex
    defer { buffer.removeSubrange(..<start) }
    // SSE lines end in LF, CRLF or CR; Swift reads CRLF as one Character, not as "\n".
    while let newline = buffer[start...].firstIndex(where: {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }) {
      let line = String(buffer[start..<newline]).trimmingCharacters(in: .whitespaces)
      start = buffer.index(after: newline)
      try handle(line)
    }
  }

  private mutating func handle(_ line: String) throws {
    guard line.hasPrefix("data:") else { return }
    let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
    guard payload != "[DONE]", !payload.isEmpty else { return }
    events += 1
    let json: ExactJSON
    do {
      json = try StrictJSON.parse(Data(payload.utf8))
    } catch let error as PricingError {
      throw PricingError(
        .invalidData,
        "stream event \(events): \(error.message): \(payload.prefix(80))"
      )
    }
    guard case .object(let object) = json else {
      throw PricingError(
        .invalidData,
        "stream event \(events) is not a JSON object: \(payload.prefix(80))"
      )
    }
    if let model = object["model"]?.string ?? object["modelVersion"]?.string { self.model = model }
    switch object["type"]?.string {
    case "message_start":
      format = format ?? .anthropic
      if let message = object["message"]?.object {
        if let model = message["model"]?.string { self.model = model }
        for (key, value) in message["usage"]?.object ?? [:] { anthropicUsage[key] = value }
      }
      return
    case "message_delta":
      format = format ?? .anthropic
      // Counts in a delta are cumulative: they replace, never add.
      for (key, value) in object["usage"]?.object ?? [:] { anthropicUsage[key] = value }
      return
    default:
      break
    }
    if object["usageMetadata"] != nil {
      format = format ?? .gemini
      latest = object
    } else if let usage = object["usage"], usage.object != nil {
      latest = object
    }
  }

  /// The accumulated usage.
  ///
  /// - Returns: The usage of the whole stream.
  /// - Throws: ``PricingError/Code/invalidData`` when the stream reported no usage (an
  ///   OpenAI-style stream needs `stream_options: {"include_usage": true}`).
  public func result() throws -> ParsedUsage {
    var parsed: ParsedUsage
    if format == .anthropic || (!anthropicUsage.isEmpty && latest == nil) {
      parsed = try UsageParser.parse(object: ["usage": .object(anthropicUsage)], format: .anthropic)
    } else if let latest {
      parsed = try UsageParser.parse(object: latest, format: format)
    } else {
      throw PricingError(
        .invalidData,
        "the stream (\(events) events) reported no usage; for OpenAI-style APIs request "
          + "stream_options: {\"include_usage\": true}"
      )
    }
    parsed.model = parsed.model ?? model
    return parsed
  }
}
