import Foundation

/// `response`: any bytes as a provider response, detected and in every format.
enum ResponseTarget {
  static func run(_ input: UnsafeRawBufferPointer) {
    let data = Data(input)
    _ = UsageParser.detect(data)
    _ = try? UsageParser.parse(data, format: nil)
    for format in ResponseFormat.allCases {
      _ = try? UsageParser.parse(data, format: format)
    }
  }
}

/// `stream`: any bytes as a server-sent event stream, fed whole, by line and in odd chunks.
///
/// The accumulator documents that chunks may split lines anywhere, so when no chunking
/// throws, all three must report the same usage and model.
enum StreamTarget {
  /// Chunk lengths in Unicode scalars, cycled: uneven, to split lines and `\r\n` pairs at
  /// many places; a few long ones, because the accumulator rescans its buffer per chunk.
  static let chunkLengths = [1, 5, 2, 13, 3, 8, 64, 256]

  static func run(_ input: UnsafeRawBufferPointer) {
    let text = String(decoding: input, as: UTF8.self)
    let whole = feed([text], format: nil)
    let byLine = feed(lines(of: text), format: nil)
    let chunked = feed(chunks(of: text), format: nil)
    if let whole, let byLine, let chunked {
      for (name, other) in [("by line", byLine), ("chunked", chunked)] where !same(whole, other) {
        fuzzFailure("stream fed \(name) gives \(other), whole gives \(whole)", input: input)
      }
    }
    // A fixed format, chosen by the input so every format is reached.
    let formats = ResponseFormat.allCases
    _ = feed([text], format: formats[input.count % formats.count])
  }

  /// The result when no chunk and no result throws; `nil` otherwise.
  static func feed(_ pieces: [String], format: ResponseFormat?) -> Result<ParsedUsage, Error>? {
    var stream = UsageStreamAccumulator(format: format)
    do {
      for piece in pieces { try stream.consume(piece) }
    } catch {
      return nil
    }
    return Result { try stream.result() }
  }

  static func same(_ a: Result<ParsedUsage, Error>, _ b: Result<ParsedUsage, Error>) -> Bool {
    switch (a, b) {
    case (.success(let x), .success(let y)): return x == y
    case (.failure, .failure): return true
    default: return false
    }
  }

  /// The lines of the text, each keeping its terminator.
  static func lines(of text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for scalar in text.unicodeScalars {
      current.unicodeScalars.append(scalar)
      if scalar == "\n" || scalar == "\r" {
        lines.append(current)
        current = ""
      }
    }
    lines.append(current)
    return lines
  }

  static func chunks(of text: String) -> [String] {
    var chunks: [String] = []
    var current = ""
    var index = 0
    for scalar in text.unicodeScalars {
      current.unicodeScalars.append(scalar)
      if current.unicodeScalars.count == chunkLengths[index % chunkLengths.count] {
        chunks.append(current)
        current = ""
        index += 1
      }
    }
    chunks.append(current)
    return chunks
  }
}
