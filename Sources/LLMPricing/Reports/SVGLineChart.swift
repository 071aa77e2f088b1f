/// A deterministic SVG line chart of prices over time, such as a price-war timeline.
///
/// Each ``Series`` is a line with one value per point on the x axis, and each ``Band`` is
/// a translucent area between a low and a high line with a dashed middle line, the usual
/// way to show a Monte Carlo p10/p50/p90 spread. A `nil` value leaves a gap: a price that
/// is unknown in a month is not a price of zero.
///
/// ```swift
/// let chart = SVGLineChart(
///   title: "DeepSeek input price",
///   xLabels: ["2024-05", "2024-06", "2024-07", "2024-08"],
///   yLabel: "CNY per million tokens",
///   series: [SVGLineChart.Series(name: "deepseek-chat", values: [2, 2, nil, 1])]
/// )
/// let svg = chart.render()  // a line over May and June, then a dot for August
/// ```
///
/// The output depends only on the chart's properties: the same chart renders to the same
/// bytes on every platform. Coordinates are computed with ``FixedDecimal`` and integers,
/// never binary floating point, and printed with two fractional digits; no locale, date or
/// dictionary order takes part.
///
/// The y axis has "nice" ticks, steps of 1, 2 or 5 × 10ᵏ chosen so that about five
/// intervals cover every value; see ``yTicks``. The x axis prints at most twelve labels,
/// always the first and the last; see ``xLabelIndices``.
public struct SVGLineChart: Hashable, Sendable {
  /// One named line on the chart.
  ///
  /// `values[i]` belongs to the chart's `xLabels[i]`. `nil` marks a missing value and
  /// breaks the line; a value with no neighbour on either side is drawn as a dot.
  public struct Series: Hashable, Sendable {
    /// The name shown in the legend, such as `"deepseek-chat (CNY)"`.
    public var name: String
    /// One value per point on the x axis; `nil` leaves a gap.
    public var values: [FixedDecimal?]

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - name: The name shown in the legend.
    ///   - values: One value per point on the x axis; `nil` leaves a gap.
    public init(name: String, values: [FixedDecimal?]) {
      self.name = name
      self.values = values
    }
  }

  /// A named range drawn as a translucent area from ``low`` to ``high``, with ``middle``
  /// as a dashed line.
  ///
  /// Made for Monte Carlo percentiles: p10 as `low`, p50 as `middle`, p90 as `high`. The
  /// area has a gap wherever `low` or `high` is `nil`; the middle line has a gap wherever
  /// `middle` is `nil`.
  public struct Band: Hashable, Sendable {
    /// The name shown in the legend, such as `"deepseek-chat p10–p90"`.
    public var name: String
    /// The lower edge of the area, one value per point.
    public var low: [FixedDecimal?]
    /// The dashed middle line, one value per point.
    public var middle: [FixedDecimal?]
    /// The upper edge of the area, one value per point.
    public var high: [FixedDecimal?]

    /// Creates a band.
    ///
    /// - Parameters:
    ///   - name: The name shown in the legend.
    ///   - low: The lower edge, one value per point; `nil` leaves a gap.
    ///   - middle: The dashed middle line, one value per point; `nil` leaves a gap.
    ///   - high: The upper edge, one value per point; `nil` leaves a gap.
    public init(
      name: String,
      low: [FixedDecimal?],
      middle: [FixedDecimal?],
      high: [FixedDecimal?]
    ) {
      self.name = name
      self.low = low
      self.middle = middle
      self.high = high
    }
  }

  /// The title printed above the chart and used as the SVG's accessible `<title>`.
  public var title: String
  /// One label per point on the x axis, such as `"2024-05"`.
  ///
  /// Only some are printed when there are more than twelve; see ``xLabelIndices``.
  public var xLabels: [String]
  /// The y axis title, such as `"CNY per million tokens"`.
  public var yLabel: String
  /// The lines, drawn in order over the bands.
  public var series: [Series]
  /// The ranges, drawn in order under the lines.
  public var bands: [Band]
  /// The width in pixels, clamped to `200...100_000` when rendering.
  public var width: Int
  /// The height in pixels, clamped to `150...100_000` when rendering.
  public var height: Int

  /// Creates a chart.
  ///
  /// The number of points on the x axis is the longest of `xLabels` and every value list,
  /// so no value is dropped when a list is longer than the labels; points past the last
  /// label are drawn without one.
  ///
  /// - Parameters:
  ///   - title: The title printed above the chart.
  ///   - xLabels: One label per point on the x axis.
  ///   - yLabel: The y axis title.
  ///   - series: The lines.
  ///   - bands: The translucent ranges.
  ///   - width: The width in pixels; 800 by default.
  ///   - height: The height in pixels; 450 by default.
  public init(
    title: String,
    xLabels: [String],
    yLabel: String,
    series: [Series] = [],
    bands: [Band] = [],
    width: Int = 800,
    height: Int = 450
  ) {
    self.title = title
    self.xLabels = xLabels
    self.yLabel = yLabel
    self.series = series
    self.bands = bands
    self.width = width
    self.height = height
  }

  /// The colours of the legend entries, series first and then bands, cycled in order.
  ///
  /// Tableau 10: distinct hues with similar weight, so no line looks more important than
  /// another merely because of its colour.
  public static let palette: [String] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  /// The values at which the y axis is labelled, lowest first; empty when there is no data.
  ///
  /// The ticks cover every value of every series and band. Their step is 1, 2 or 5 × 10ᵏ
  /// (never finer than 10⁻¹⁸), the one that gives closest to five intervals, preferring
  /// fewer on a tie; the first and last ticks are the ends of the axis.
  ///
  /// The axis includes zero when every value has the same sign and the value nearest zero
  /// is at most half the value farthest from it (for example, prices from 0.5 to 2):
  /// then the empty space zero adds is at most half the axis, and a price cut is drawn in
  /// proportion to the whole price. Values that vary a little around a large level (100 to
  /// 105) keep a tight axis, so the variation stays visible. When every value is equal the
  /// axis runs from zero to that value (from 0 to 1 when the value is zero), so a flat
  /// line is drawn against a meaningful scale.
  ///
  /// ```swift
  /// SVGLineChart(title: "", xLabels: [], yLabel: "",
  ///   series: [SVGLineChart.Series(name: "a", values: [3, 7])]).yTicks  // [0, 2, 4, 6, 8]
  /// ```
  ///
  /// Only when nice ticks would pass the ends of ``FixedDecimal``'s range are the ticks
  /// just the lowest and highest value.
  public var yTicks: [FixedDecimal] { YAxis(values: allValues)?.ticks ?? [] }

  /// The indices into ``xLabels`` that are printed.
  ///
  /// All of them when there are at most twelve; otherwise every *k*-th label, with *k* as
  /// small as keeps the count at twelve or fewer, plus the last. The first and the last
  /// label are always printed, because they date the chart. A regular label less than *k*
  /// places before the last is dropped, so no two printed labels are closer than the
  /// regular spacing, which is what keeps them from overlapping.
  public var xLabelIndices: [Int] { Self.thinnedIndices(count: xLabels.count) }

  /// Renders the chart as a complete, standalone SVG document.
  ///
  /// The document starts with an XML declaration, puts one element on each line and ends
  /// with a newline. Every text is XML-escaped; control characters that XML cannot carry
  /// are replaced with U+FFFD. Elements carry a `class` (`series`, `band`, `band-middle`,
  /// `y-tick`, `x-label`, `legend`, …) so that styles and tests can find them.
  ///
  /// Rendering never fails. A chart without values is drawn with its title, legend and
  /// a "No data" note. A value that cannot be placed because the arithmetic would leave
  /// ``FixedDecimal``'s range is left out like a `nil`.
  ///
  /// - Returns: The SVG document.
  public func render() -> String {
    let axis = YAxis(values: allValues)
    let layout = Layout(chart: self, tickLabels: axis?.labels ?? [])
    var svg = SVGWriter()
    svg.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    svg.line(
      #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(layout.width)" "#
        + #"height="\#(layout.height)" viewBox="0 0 \#(layout.width) \#(layout.height)" "#
        + #"font-family="sans-serif" font-size="12">"#
    )
    svg.line("<title>\(Self.escaped(title))</title>")
    svg.line(
      #"<rect class="background" width="\#(layout.width)" height="\#(layout.height)" "#
        + ##"fill="#ffffff"/>"##
    )
    svg.line(
      #"<text class="title" x="\#(px(layout.width, halved: true))" "#
        + #"y="24.00" text-anchor="middle" font-size="16" font-weight="bold">"#
        + "\(Self.escaped(title))</text>"
    )
    svg.line(
      #"<text class="y-label" transform="translate(16.00 "#
        + #"\#(px(layout.plotTop + layout.plotBottom, halved: true))) rotate(-90)" "#
        + #"text-anchor="middle">\#(Self.escaped(yLabel))</text>"#
    )
    let plot = Plot(layout: layout, axis: axis, pointCount: pointCount)
    if let axis {
      drawYAxis(axis, plot: plot, into: &svg)
    }
    drawXAxis(plot: plot, into: &svg)
    svg.line(
      #"<rect class="plot" x="\#(px(layout.plotLeft))" y="\#(px(layout.plotTop))" "#
        + #"width="\#(px(layout.plotRight - layout.plotLeft))" "#
        + ##"height="\##(px(layout.plotBottom - layout.plotTop))" fill="none" stroke="#333333"/>"##
    )
    if axis == nil {
      svg.line(
        #"<text class="no-data" "#
          + #"x="\#(px(layout.plotLeft + layout.plotRight, halved: true))" "#
          + #"y="\#(px(layout.plotTop + layout.plotBottom, halved: true))" "#
          + ##"text-anchor="middle" fill="#666666">No data</text>"##
      )
    } else {
      drawBands(plot: plot, into: &svg)
      drawSeries(plot: plot, into: &svg)
    }
    drawLegend(layout: layout, into: &svg)
    svg.line("</svg>")
    return svg.text
  }
}

// MARK: - Drawing

extension SVGLineChart {
  /// Every value of every series and band, the data the y axis must cover.
  private var allValues: [FixedDecimal] {
    var values: [FixedDecimal] = []
    for line in series {
      values += line.values.compactMap { $0 }
    }
    for band in bands {
      values += band.low.compactMap { $0 } + band.middle.compactMap { $0 }
      values += band.high.compactMap { $0 }
    }
    return values
  }

  /// The number of points on the x axis: the longest of the labels and every value list.
  private var pointCount: Int {
    var count = xLabels.count
    for line in series {
      count = max(count, line.values.count)
    }
    for band in bands {
      count = max(count, band.low.count, band.middle.count, band.high.count)
    }
    return count
  }

  /// The legend entries in order, which also fixes each entry's colour.
  private var legendNames: [String] { series.map(\.name) + bands.map(\.name) }

  private static func colour(_ index: Int) -> String { palette[index % palette.count] }

  private func drawYAxis(_ axis: YAxis, plot: Plot, into svg: inout SVGWriter) {
    let left = px(plot.layout.plotLeft)
    let right = px(plot.layout.plotRight)
    let labelX = px(plot.layout.plotLeft - 6)
    for (tick, label) in zip(axis.ticks, axis.labels) {
      guard let y = plot.y(tick) else { continue }
      // A darker line at zero when the axis crosses it, so gains and losses read apart.
      let stroke = tick.isZero && tick != axis.low && tick != axis.high ? "#999999" : "#e5e5e5"
      svg.line(
        #"<line class="grid" x1="\#(left)" y1="\#(fmt(y))" x2="\#(right)" y2="\#(fmt(y))" "#
          + #"stroke="\#(stroke)"/>"#
      )
      svg.line(
        #"<text class="y-tick" x="\#(labelX)" y="\#(fmt((try? y + FixedDecimal(4)) ?? y))" "#
          + #"text-anchor="end">\#(Self.escaped(label))</text>"#
      )
    }
  }

  private func drawXAxis(plot: Plot, into svg: inout SVGWriter) {
    let bottom = plot.layout.plotBottom
    for index in xLabelIndices {
      guard let x = plot.x(index), !xLabels[index].isEmpty else { continue }
      svg.line(
        #"<line class="x-tick" x1="\#(fmt(x))" y1="\#(px(bottom))" x2="\#(fmt(x))" "#
          + ##"y2="\##(px(bottom + 5))" stroke="#333333"/>"##
      )
      svg.line(
        #"<text class="x-label" x="\#(fmt(x))" y="\#(px(bottom + 18))" "#
          + #"text-anchor="middle">\#(Self.escaped(xLabels[index]))</text>"#
      )
    }
  }

  private func drawBands(plot: Plot, into svg: inout SVGWriter) {
    for (offset, band) in bands.enumerated() {
      let colour = Self.colour(series.count + offset)
      let edges = (0..<plot.pointCount).map { index -> (Point, Point)? in
        guard let low = plot.point(index, value(band.low, index)),
          let high = plot.point(index, value(band.high, index))
        else { return nil }
        return (low, high)
      }
      for run in Self.runs(edges) {
        if run.count == 1, let (low, high) = run.first {
          svg.line(
            #"<line class="band" x1="\#(fmt(low.x))" y1="\#(fmt(low.y))" "#
              + #"x2="\#(fmt(high.x))" y2="\#(fmt(high.y))" stroke="\#(colour)" "#
              + #"stroke-opacity="0.4" stroke-width="4"/>"#
          )
        } else {
          // Along the low edge, then back along the high edge: one closed outline.
          let outline = run.map(\.0) + run.map(\.1).reversed()
          svg.line(
            #"<polygon class="band" points="\#(Self.points(outline))" fill="\#(colour)" "#
              + #"fill-opacity="0.2" stroke="none"/>"#
          )
        }
      }
      let middle = (0..<plot.pointCount).map { plot.point($0, value(band.middle, $0)) }
      drawLine(middle, className: "band-middle", colour: colour, dashed: true, into: &svg)
    }
  }

  private func drawSeries(plot: Plot, into svg: inout SVGWriter) {
    for (offset, line) in series.enumerated() {
      let points = (0..<plot.pointCount).map { plot.point($0, value(line.values, $0)) }
      drawLine(points, className: "series", colour: Self.colour(offset), dashed: false, into: &svg)
    }
  }

  /// Draws each unbroken run as a polyline, and a run of one point as a dot, which a
  /// polyline of one point would not show.
  private func drawLine(
    _ points: [Point?],
    className: String,
    colour: String,
    dashed: Bool,
    into svg: inout SVGWriter
  ) {
    for run in Self.runs(points) {
      if run.count == 1, let point = run.first {
        svg.line(
          #"<circle class="\#(className)" cx="\#(fmt(point.x))" cy="\#(fmt(point.y))" r="3" "#
            + #"fill="\#(colour)"/>"#
        )
      } else {
        let dash = dashed ? #" stroke-dasharray="6 4""# : ""
        svg.line(
          #"<polyline class="\#(className)" points="\#(Self.points(run))" fill="none" "#
            + #"stroke="\#(colour)" stroke-width="2" stroke-linejoin="round"\#(dash)/>"#
        )
      }
    }
  }

  private func drawLegend(layout: Layout, into svg: inout SVGWriter) {
    let x = layout.legendLeft
    for (index, name) in legendNames.enumerated() {
      let y = layout.plotTop + 12 + 20 * index
      let colour = Self.colour(index)
      if index < series.count {
        svg.line(
          #"<line class="legend" x1="\#(px(x))" y1="\#(px(y - 4))" x2="\#(px(x + 24))" "#
            + #"y2="\#(px(y - 4))" stroke="\#(colour)" stroke-width="2"/>"#
        )
      } else {
        svg.line(
          #"<rect class="legend" x="\#(px(x))" y="\#(px(y - 10))" width="24.00" "#
            + #"height="12.00" fill="\#(colour)" fill-opacity="0.2"/>"#
        )
        svg.line(
          #"<line class="legend" x1="\#(px(x))" y1="\#(px(y - 4))" x2="\#(px(x + 24))" "#
            + #"y2="\#(px(y - 4))" stroke="\#(colour)" stroke-width="2" stroke-dasharray="6 4"/>"#
        )
      }
      svg.line(
        #"<text class="legend" x="\#(px(x + 30))" y="\#(px(y))">\#(Self.escaped(name))</text>"#
      )
    }
  }

  private func value(_ values: [FixedDecimal?], _ index: Int) -> FixedDecimal? {
    index < values.count ? values[index] : nil
  }

  /// Splits a sequence at its `nil`s into runs of consecutive present elements.
  private static func runs<Element>(_ elements: [Element?]) -> [[Element]] {
    var runs: [[Element]] = []
    var current: [Element] = []
    for element in elements {
      if let element {
        current.append(element)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  private static func points(_ points: [Point]) -> String {
    points.map { "\(fmt($0.x)),\(fmt($0.y))" }.joined(separator: " ")
  }

  private static func thinnedIndices(count: Int) -> [Int] {
    let limit = 12
    guard count > limit else { return Array(0..<count) }
    let last = count - 1
    // The smallest step that leaves at most limit − 1 regular labels before the last.
    let step = (last + limit - 2) / (limit - 1)
    var indices = Array(stride(from: 0, to: last, by: step))
    if let previous = indices.last, previous > 0, last - previous < step {
      indices.removeLast()
    }
    return indices + [last]
  }

  /// Escapes the five XML special characters; replaces characters XML 1.0 cannot carry.
  private static func escaped(_ text: String) -> String {
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
}

// MARK: - Geometry

/// A point in SVG user units, top-left origin.
private struct Point {
  var x: FixedDecimal
  var y: FixedDecimal
}

/// Prints a coordinate with two fractional digits, the same way on every platform.
private func fmt(_ value: FixedDecimal) -> String { value.formatted(places: 2) }

/// Prints a whole pixel coordinate, or half of it, in the same form as ``fmt(_:)``.
private func px(_ value: Int, halved: Bool = false) -> String {
  let whole = FixedDecimal(value)
  return fmt(halved ? (try? whole.divided(by: FixedDecimal(2))) ?? whole : whole)
}

/// Where the parts of the chart go, in whole pixels.
private struct Layout {
  /// The estimated advance of one character at 12 px, used to make room for labels.
  static let characterWidth = 7

  var width: Int
  var height: Int
  var plotLeft: Int
  var plotTop: Int
  var plotRight: Int
  var plotBottom: Int
  var legendLeft: Int

  init(chart: SVGLineChart, tickLabels: [String]) {
    width = min(max(chart.width, 200), 100_000)
    height = min(max(chart.height, 150), 100_000)
    let tickCharacters = tickLabels.map(\.unicodeScalars.count).max() ?? 0
    // Room for the rotated y title (24 px), the widest tick label and a 10 px gap.
    plotLeft = min(max(34 + Self.characterWidth * tickCharacters, 40), width / 4)
    let names = chart.series.map(\.name) + chart.bands.map(\.name)
    let nameCharacters = names.map(\.unicodeScalars.count).max() ?? 0
    // A 20 px gap, a 24 px swatch, 6 px and the longest name, at most a third of the width.
    let legendWidth =
      names.isEmpty ? 0 : min(50 + Self.characterWidth * nameCharacters, width / 3)
    plotRight = width - 16 - legendWidth
    legendLeft = plotRight + 20
    plotTop = 40
    plotBottom = height - 36
  }
}

/// Maps point indices and values to pixels.
private struct Plot {
  var layout: Layout
  var axis: YAxis?
  var pointCount: Int

  /// The x coordinate of a point: the ends of the plot for the first and last point, the
  /// middle for a single point.
  func x(_ index: Int) -> FixedDecimal? {
    let left = FixedDecimal(layout.plotLeft)
    let plotWidth = layout.plotRight - layout.plotLeft
    guard pointCount > 1 else {
      return try? left + FixedDecimal(plotWidth).divided(by: FixedDecimal(2))
    }
    guard
      let offset = try? (FixedDecimal(plotWidth) * index).divided(by: FixedDecimal(pointCount - 1))
    else { return nil }
    return try? left + offset
  }

  /// The y coordinate of a value, or `nil` when it cannot be computed in range.
  func y(_ value: FixedDecimal) -> FixedDecimal? {
    guard let axis else { return nil }
    let plotHeight = layout.plotBottom - layout.plotTop
    guard let rise = Self.scale(value, from: axis.low, to: axis.high, over: plotHeight) else {
      return nil
    }
    return try? FixedDecimal(layout.plotBottom) - rise
  }

  func point(_ index: Int, _ value: FixedDecimal?) -> Point? {
    guard let value, let x = x(index), let y = y(value) else { return nil }
    return Point(x: x, y: y)
  }

  /// `(value − low) × pixels ÷ (high − low)`.
  ///
  /// Multiplying first keeps hand-checkable cases exact. When that overflows, dividing
  /// first cannot (the quotient is at most 1); when even the differences overflow, as
  /// between values near both ends of ``FixedDecimal``'s range, halving everything first
  /// brings them back in range at a cost of 10⁻¹⁸ in precision.
  static func scale(
    _ value: FixedDecimal,
    from low: FixedDecimal,
    to high: FixedDecimal,
    over pixels: Int
  ) -> FixedDecimal? {
    func differences(_ divisor: FixedDecimal) -> (offset: FixedDecimal, span: FixedDecimal)? {
      guard let value = try? value.divided(by: divisor),
        let low = try? low.divided(by: divisor),
        let high = try? high.divided(by: divisor),
        let offset = try? value - low,
        let span = try? high - low,
        !span.isZero
      else { return nil }
      return (offset, span)
    }
    for divisor in [FixedDecimal(1), FixedDecimal(2)] {
      guard let (offset, span) = differences(divisor) else { continue }
      if let scaled = try? (offset * pixels).divided(by: span) { return scaled }
      if let scaled = try? offset.divided(by: span) * pixels { return scaled }
    }
    return nil
  }
}

// MARK: - Y axis

/// The y axis: its nice ticks, their labels, and the range they span.
private struct YAxis {
  var ticks: [FixedDecimal]
  var labels: [String]
  var low: FixedDecimal
  var high: FixedDecimal

  /// The axis covering `values`, or `nil` when there are none.
  init?(values: [FixedDecimal]) {
    guard var low = values.min(), var high = values.max() else { return nil }
    if low == high {
      if low.isZero {
        high = FixedDecimal(1)
      } else if low.isNegative {
        high = .zero
      } else {
        low = .zero
      }
    } else if !low.isNegative, (try? low * 2).map({ $0 <= high }) ?? false {
      low = .zero
    } else if high <= .zero, (try? high * 2).map({ $0 >= low }) ?? false {
      high = .zero
    }
    if let nice = Self.niceTicks(from: low, through: high) {
      ticks = nice.ticks
      labels = nice.ticks.map { DecimalFormatter.grouped($0.formatted(places: nice.places)) }
      self.low = nice.low
      self.high = nice.high
    } else {
      ticks = [low, high]
      labels = ticks.map { DecimalFormatter.grouped($0.description) }
      self.low = low
      self.high = high
    }
  }

  /// The target number of intervals between ticks.
  static let targetIntervals: Int128 = 5

  /// The 1-2-5 step closest to ``targetIntervals`` intervals over `low...high`, `low < high`,
  /// with its ticks and the fractional digits the step needs; `nil` when every candidate
  /// would put an end tick outside ``FixedDecimal``'s range.
  static func niceTicks(
    from low: FixedDecimal,
    through high: FixedDecimal
  ) -> (ticks: [FixedDecimal], places: Int, low: FixedDecimal, high: FixedDecimal)? {
    // The span in units of 10⁻¹⁸ fits a UInt128 even between the ends of the range.
    let span = UInt128(truncatingIfNeeded: high.units &- low.units)
    let raw = max(span / UInt128(targetIntervals), 1)
    var digits = 0
    var rest = raw
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    let exponent = digits - 1  // raw is in [10^exponent, 10^(exponent + 1)) units
    var best: (ticks: [FixedDecimal], places: Int, miss: Int128)?
    // Steps in increasing order; `<=` lets the larger step win a tie.
    for power in max(exponent - 1, 0)...(exponent + 1) {
      for multiplier in [1, 2, 5] as [Int128] {
        guard let candidate = ticks(from: low, through: high, multiplier, power) else { continue }
        let miss = candidate.intervals - targetIntervals
        let distance = miss < 0 ? -miss : miss
        if best.map({ distance <= $0.miss }) ?? true {
          best = (candidate.ticks, max(FixedDecimal.fractionDigits - power, 0), distance)
        }
      }
    }
    guard let best, let first = best.ticks.first, let last = best.ticks.last else { return nil }
    return (best.ticks, best.places, first, last)
  }

  /// The ticks every `multiplier × 10^power` units that cover `low...high`, or `nil` when
  /// they leave the range or would be unreasonably many.
  private static func ticks(
    from low: FixedDecimal,
    through high: FixedDecimal,
    _ multiplier: Int128,
    _ power: Int
  ) -> (ticks: [FixedDecimal], intervals: Int128)? {
    var step = multiplier
    for _ in 0..<power {
      let (product, overflow) = step.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      step = product
    }
    var first = low.units / step
    if low.units % step != 0, low.units < 0 { first -= 1 }
    var last = high.units / step
    if high.units % step != 0, high.units > 0 { last += 1 }
    let (intervals, overflow) = last.subtractingReportingOverflow(first)
    guard !overflow, intervals <= 100 else { return nil }
    var ticks: [FixedDecimal] = []
    for index in first...last {
      let (units, overflow) = index.multipliedReportingOverflow(by: step)
      guard !overflow, let tick = try? FixedDecimal(units: units) else { return nil }
      ticks.append(tick)
    }
    return (ticks, intervals)
  }
}

// MARK: - Output

/// Collects the document one element per line.
private struct SVGWriter {
  var text = ""

  mutating func line(_ element: String) {
    text += element
    text += "\n"
  }
}
