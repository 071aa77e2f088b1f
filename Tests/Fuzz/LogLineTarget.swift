/// `log-line`: any bytes as a usage-log line, through whichever path the line takes.
enum LogLineTarget {
  /// Tags the ingestor is typically asked for; one absent from most lines.
  static let tagNames = ["team", "feature", "env"]

  static func run(_ input: UnsafeRawBufferPointer) {
    _ = try? UsageLogLine(input, tagNames: tagNames)
    _ = try? UsageLogLine(input, tagNames: [], format: .dashscope)
  }
}
