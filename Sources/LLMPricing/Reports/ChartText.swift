/// Text handling shared by the SVG charts: escaping, width estimates, truncation and
/// label thinning, plus the number format of coordinates.
enum ChartText {
  /// The font stack: common Latin faces first, then a face with Chinese, Japanese and
  /// Korean glyphs, so model names such as `通义千问` render instead of boxes.
  static let fontFamily =
    "Helvetica, Arial, 'Noto Sans CJK SC', 'PingFang SC', "
    + "'Microsoft YaHei', sans-serif"

  /// The estimated advance of one terminal cell at 12 px; a wide character counts twice.
  static let cellWidth = 7

  /// The estimated width of a text at 12 px, from its display width in cells.
  static func width(_ text: String) -> Int { TextTable.displayWidth(of: text) * cellWidth }

  /// The text cut to at most `cells` display cells, ending with `…` when cut.
  ///
  /// Width is measured with ``TextTable/displayWidth(of:)``, so a Chinese character takes
  /// two cells; the ellipsis takes one.
  static func truncated(_ text: String, toCells cells: Int) -> String {
    guard TextTable.displayWidth(of: text) > cells else { return text }
    guard cells > 1 else { return cells == 1 ? "…" : "" }
    var result = ""
    var used = 0
    for character in text {
      let width = TextTable.displayWidth(of: String(character))
      guard used + width <= cells - 1 else { break }
      result.append(character)
      used += width
    }
    return result + "…"
  }

  /// Escapes the five XML special characters; replaces characters XML 1.0 cannot carry.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The indices of the labels to print out of `count`, at most `limit` of them.
  ///
  /// All of them when there are at most `limit`; otherwise every *k*-th, with *k* as small
  /// as keeps the count within the limit, plus the last. The first and the last are always
  /// kept; a regular label less than *k* places before the last is dropped so that no two
  /// printed labels are closer than the regular spacing.
  static func thinnedIndices(count: Int, limit: Int = 12) -> [Int] {
    let limit = max(limit, 2)
    guard count > limit else { return Array(0..<max(count, 0)) }
    let last = count - 1
    // The smallest step that leaves at most limit − 1 regular labels before the last.
    let step = (last + limit - 2) / (limit - 1)
    var indices = Array(stride(from: 0, to: last, by: step))
    if let previous = indices.last, previous > 0, last - previous < step {
      indices.removeLast()
    }
    return indices + [last]
  }

  /// A pixel coordinate with two fractional digits, rounded half away from zero, printed
  /// the same way on every platform and in every locale.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0.00" }
    let hundredths = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    let magnitude = hundredths.magnitude
    let fraction = magnitude % 100
    let sign = hundredths < 0 ? "-" : ""
    let padding = fraction < 10 ? "0" : ""
    return "\(sign)\(magnitude / 100).\(padding)\(fraction)"
  }
}

/// Collects an SVG document one element per line.
struct SVGWriter {
  var text = ""

  mutating func line(_ element: String) {
    text += element
    text += "\n"
  }
}
