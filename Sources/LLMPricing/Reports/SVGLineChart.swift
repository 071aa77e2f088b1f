/// A deterministic SVG line chart of prices over time, such as a price-war timeline.
///
/// Each ``Series`` is a line with one value per point on the x axis, and each ``Band`` is
/// a translucent area between a low and a high line with a dashed middle line, the usual
/// way to show a p10/p50/p90 spread. A `nil` value leaves a gap: a price that
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
  /// Made for percentile bands: p10 as `low`, p50 as `middle`, p90 as `high`. The
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
  /// How values map to heights: ``ChartScale/linear`` (the default) or
  /// ``ChartScale/logarithmic``.
  ///
  /// On a logarithmic axis zero and negative values have no place: they are left out like a
  /// `nil`, breaking the line, and a note under the plot counts them.
  public var scale: ChartScale

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
  ///   - scale: How values map to heights; linear by default.
  public init(
    title: String,
    xLabels: [String],
    yLabel: String,
    series: [Series] = [],
    bands: [Band] = [],
    width: Int = 800,
    height: Int = 450,
    scale: ChartScale = .linear
  ) {
    self.title = title
    self.xLabels = xLabels
    self.yLabel = yLabel
    self.series = series
    self.bands = bands
    self.width = width
    self.height = height
    self.scale = scale
  }

  /// The colours of the legend entries, series first and then bands, cycled in order.
  ///
  /// The same colours as ``ChartPalette/colours``, shared with ``SVGBarChart`` so that a
  /// series keeps its colour from one chart to the next.
  public static var palette: [String] { ChartPalette.colours }

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
  ///
  /// On a logarithmic ``scale`` the ticks are powers of ten (with 2× and 5× within a single
  /// decade) covering the positive values; see ``ChartScale/logarithmic``.
  public var yTicks: [FixedDecimal] { ValueAxis(values: allValues, scale: scale)?.ticks ?? [] }

  /// The indices into ``xLabels`` that are printed.
  ///
  /// All of them when there are at most twelve; otherwise every *k*-th label, with *k* as
  /// small as keeps the count at twelve or fewer, plus the last. The first and the last
  /// label are always printed, because they date the chart. A regular label less than *k*
  /// places before the last is dropped, so no two printed labels are closer than the
  /// regular spacing, which is what keeps them from overlapping.
  public var xLabelIndices: [Int] { ChartText.thinnedIndices(count: xLabels.count) }

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
    let axis = ValueAxis(values: allValues, scale: scale)
    let layout = Layout(chart: self, tickLabels: axis?.labels ?? [])
    var svg = SVGWriter()
    svg.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    svg.line(
      #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(layout.width)" "#
        + #"height="\#(layout.height)" viewBox="0 0 \#(layout.width) \#(layout.height)" "#
        + #"font-family="\#(ChartText.fontFamily)" font-size="12">"#
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
    let hidden = allValues.filter { !ValueAxis.canPlace($0, on: scale) }.count
    if hidden > 0 {
      let noun = hidden == 1 ? "value" : "values"
      svg.line(
        #"<text class="note" x="16.00" y="\#(px(layout.height - 4))" font-size="11" "#
          + ##"fill="#666666">\##(hidden) \##(noun) ≤ 0 left out: the axis is logarithmic</text>"##
      )
    }
    svg.line("</svg>")
    return svg.text
  }
}

// MARK: - Drawing

extension SVGLineChart {
  /// Every value of every series and band, the data the y axis must cover.
  fileprivate var allValues: [FixedDecimal] {
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

  private static func colour(_ index: Int) -> String { ChartPalette.colour(at: index) }

  private func drawYAxis(_ axis: ValueAxis, plot: Plot, into svg: inout SVGWriter) {
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

  private static func escaped(_ text: String) -> String { ChartText.escaped(text) }
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
    // Room under the x labels for the note about values a logarithmic axis leaves out.
    let noted = chart.scale == .logarithmic && chart.allValues.contains { !($0 > .zero) }
    plotBottom = height - (noted ? 50 : 36)
  }
}

/// Maps point indices and values to pixels.
private struct Plot {
  var layout: Layout
  var axis: ValueAxis?
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
    if axis.scale == .logarithmic {
      // Logarithms are not exact decimals: the pixel is rounded to 10⁻⁴ before printing.
      guard let fraction = axis.fraction(of: value) else { return nil }
      let pixel = Double(layout.plotBottom) - fraction * Double(plotHeight)
      guard pixel.isFinite, abs(pixel) < 1e12 else { return nil }
      let tenThousandths = Int128((pixel * 10_000).rounded(.toNearestOrAwayFromZero))
      return try? FixedDecimal(units: tenThousandths * 100_000_000_000_000)
    }
    guard let rise = ValueAxis.scale(value, from: axis.low, to: axis.high, over: plotHeight) else {
      return nil
    }
    return try? FixedDecimal(layout.plotBottom) - rise
  }

  func point(_ index: Int, _ value: FixedDecimal?) -> Point? {
    guard let value, let x = x(index), let y = y(value) else { return nil }
    return Point(x: x, y: y)
  }
}
