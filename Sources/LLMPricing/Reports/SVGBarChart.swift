/// A deterministic SVG bar chart, such as the bills of several offerings side by side or a
/// monthly bill split into its components.
///
/// Each ``Series`` holds one value per category. In the ``Arrangement/grouped``
/// arrangement every category gets one bar per series, side by side; in the
/// ``Arrangement/stacked`` arrangement the series are components of one bar per category,
/// stacked from the baseline, with the total printed at the end of the stack.
///
/// ```swift
/// let chart = SVGBarChart(
///   title: "Monthly bill by component",
///   categories: ["2026-01", "2026-02", "2026-03"],
///   valueLabel: "CNY",
///   series: [
///     SVGBarChart.Series(name: "input", values: [120, 140, 90]),
///     SVGBarChart.Series(name: "output", values: [300, 320, 260]),
///   ],
///   orientation: .vertical,
///   arrangement: .stacked
/// )
/// let svg = chart.render()  // three stacks, totals 420, 460 and 350 on top
/// ```
///
/// With ``Orientation/horizontal`` (the default) the categories run down the left, which
/// suits long names such as `deepseek/deepseek-chat@CNY`; with ``Orientation/vertical``
/// they run along the bottom, which suits months. All series share one value axis, so
/// only values in one unit belong in one chart: compare CNY and USD bills in two charts,
/// or convert them to one currency first.
///
/// Values are exact ``FixedDecimal``s and the printed numbers come from them, never from
/// binary floating point; `Double` is used only for pixel positions, which are printed
/// with two fractional digits. The output depends only on the chart's properties.
public struct SVGBarChart: Hashable, Sendable {
  /// Which way the bars grow.
  public enum Orientation: Hashable, Sendable {
    /// Categories down the left, bars growing to the right, the value axis along the
    /// bottom.
    case horizontal
    /// Categories along the bottom, bars growing upwards, the value axis on the left.
    case vertical
  }

  /// How the series of one category are drawn.
  public enum Arrangement: Hashable, Sendable {
    /// One bar per series, side by side within the category.
    case grouped
    /// One bar per category, the series stacked on each other: positive values from the
    /// baseline upwards (or rightwards), negative values the other way.
    ///
    /// Stacked bars are always drawn on a linear axis, because the length of a segment on
    /// a logarithmic axis does not show its value; see ``SVGBarChart/scale``.
    case stacked
  }

  /// One named set of values, one per category.
  public struct Series: Hashable, Sendable {
    /// The name shown in the legend, such as `"output"`.
    public var name: String
    /// One value per category, in the order of the chart's categories; `nil` draws nothing.
    public var values: [FixedDecimal?]
    /// The texts printed at the bar ends, one per value, such as `"¥1,234.50"`.
    ///
    /// A missing or `nil` entry prints ``SVGBarChart/defaultValueText(_:)`` of the value.
    /// Stacked segments carry no text; see ``SVGBarChart/totalLabels``.
    public var valueLabels: [String?]

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - name: The name shown in the legend.
    ///   - values: One value per category; `nil` draws nothing.
    ///   - valueLabels: The texts printed at the bar ends; by default the values
    ///     themselves.
    public init(name: String, values: [FixedDecimal?], valueLabels: [String?] = []) {
      self.name = name
      self.values = values
      self.valueLabels = valueLabels
    }
  }

  /// The title printed above the chart and used as the SVG's accessible `<title>`.
  public var title: String
  /// The category names, such as offering ids or months.
  ///
  /// Long names are cut with an ellipsis to fit; with many vertical categories only some
  /// are printed, see ``categoryLabelIndices``.
  public var categories: [String]
  /// The value axis title, such as `"CNY per month"`.
  public var valueLabel: String
  /// The series, in legend order; each takes the next colour of ``ChartPalette``.
  public var series: [Series]
  /// Which way the bars grow.
  public var orientation: Orientation
  /// Whether the series stand side by side or stack.
  public var arrangement: Arrangement
  /// How values map to bar lengths.
  ///
  /// On a ``ChartScale/logarithmic`` axis bars start at the lowest tick, a power of ten
  /// below the smallest value (strictly below, so that no bar has zero length), and zero or
  /// negative values are left out with a note under the plot. A stacked chart
  /// ignores this setting and is drawn on a linear axis, with a note saying so.
  public var scale: ChartScale
  /// The texts printed at the end of each stack, one per category, such as `"¥420.00"`.
  ///
  /// A missing or `nil` entry prints ``defaultValueText(_:)`` of the stack's total. Used
  /// only by ``Arrangement/stacked`` charts.
  public var totalLabels: [String?]
  /// The width in pixels, clamped to `200...100_000` when rendering.
  public var width: Int
  /// The height in pixels, clamped to `150...100_000` when rendering; `nil` chooses one.
  ///
  /// The chosen height is 450 for vertical bars; for horizontal bars it grows with the
  /// number of categories and series, so that every bar is at least 12 pixels thick.
  public var height: Int?

  /// Creates a chart.
  ///
  /// The number of categories is the longest of `categories` and every value list, so no
  /// value is dropped when a list is longer than the names; extra categories have no name.
  ///
  /// - Parameters:
  ///   - title: The title printed above the chart.
  ///   - categories: The category names.
  ///   - valueLabel: The value axis title.
  ///   - series: The series, one value per category each.
  ///   - orientation: Which way the bars grow; horizontal by default.
  ///   - arrangement: Grouped (the default) or stacked.
  ///   - scale: How values map to lengths; linear by default.
  ///   - totalLabels: The texts at the end of each stack; by default the totals.
  ///   - width: The width in pixels; 800 by default.
  ///   - height: The height in pixels; by default chosen from the orientation and data.
  public init(
    title: String,
    categories: [String],
    valueLabel: String,
    series: [Series] = [],
    orientation: Orientation = .horizontal,
    arrangement: Arrangement = .grouped,
    scale: ChartScale = .linear,
    totalLabels: [String?] = [],
    width: Int = 800,
    height: Int? = nil
  ) {
    self.title = title
    self.categories = categories
    self.valueLabel = valueLabel
    self.series = series
    self.orientation = orientation
    self.arrangement = arrangement
    self.scale = scale
    self.totalLabels = totalLabels
    self.width = width
    self.height = height
  }

  /// The values at which the value axis is labelled, lowest first; empty without data.
  ///
  /// On a linear axis these are nice 1-2-5 steps, as for ``SVGLineChart/yTicks``, except
  /// that the axis always includes zero: a bar's length must be proportional to its value.
  /// A stacked chart's axis covers the stack totals. On a logarithmic axis the ticks are
  /// powers of ten; see ``ChartScale/logarithmic``.
  public var valueTicks: [FixedDecimal] { axis?.ticks ?? [] }

  /// The indices of the categories whose names are printed.
  ///
  /// For vertical bars at most twelve, and fewer when the chart is narrow, chosen as for
  /// ``SVGLineChart/xLabelIndices``: always the first and the last. Horizontal bars print
  /// every name unless the rows are thinner than a line of text.
  public var categoryLabelIndices: [Int] {
    let layout = BarLayout(chart: self, axis: axis)
    return layout.categoryIndices
  }

  /// The text printed for a value when the caller gives none.
  ///
  /// Two fractional digits, like an amount of money, with thousands grouped; a nonzero
  /// value below 1 keeps two significant digits instead, so that a price of 0.0012 does
  /// not print as `0.00`.
  ///
  /// ```swift
  /// SVGBarChart.defaultValueText(1234.5)  // "1,234.50"
  /// SVGBarChart.defaultValueText(try FixedDecimal("0.0012"))  // "0.0012"
  /// ```
  ///
  /// - Parameter value: The value.
  /// - Returns: Its text.
  public static func defaultValueText(_ value: FixedDecimal) -> String {
    var places = 2
    let magnitude = value.magnitude
    if !magnitude.isZero, magnitude < FixedDecimal(1) {
      var digits = 0
      var rest = magnitude.units
      while rest > 0 {
        digits += 1
        rest /= 10
      }
      // A value with d digits of units has its first significant digit at place 19 − d.
      places = min(max(20 - digits, 2), FixedDecimal.fractionDigits)
    }
    return DecimalFormatter.grouped(value.formatted(places: places))
  }

  /// Renders the chart as a complete, standalone SVG 1.1 document.
  ///
  /// The document starts with an XML declaration, puts one element on each line and ends
  /// with a newline. Every text is XML-escaped. Elements carry a `class` so that styles
  /// and tests can find them: `bar` (grouped bars, category by category, series by series
  /// within each), `segment` (stacked bars, in the same order), `value-label`,
  /// `total-label`, `category-label`, `value-tick`, `grid`, `baseline`, `legend`, `note`.
  ///
  /// Rendering never fails. A chart without values is drawn with its title, legend and a
  /// "No data" note. Value labels are left out when bars are thinner than 12 pixels, where
  /// they would overlap.
  ///
  /// - Returns: The SVG document.
  public func render() -> String {
    let axis = axis
    let layout = BarLayout(chart: self, axis: axis)
    var svg = SVGWriter()
    svg.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
    svg.line(
      #"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\#(layout.width)" "#
        + #"height="\#(layout.height)" viewBox="0 0 \#(layout.width) \#(layout.height)" "#
        + #"font-family="\#(ChartText.fontFamily)" font-size="12">"#
    )
    svg.line("<title>\(ChartText.escaped(title))</title>")
    svg.line(
      #"<rect class="background" width="\#(layout.width)" height="\#(layout.height)" "#
        + ##"fill="#ffffff"/>"##
    )
    svg.line(
      #"<text class="title" x="\#(number(Double(layout.width) / 2))" y="24.00" "#
        + #"text-anchor="middle" font-size="16" font-weight="bold">"#
        + "\(ChartText.escaped(title))</text>"
    )
    drawLegend(layout, into: &svg)
    if let axis {
      drawValueAxis(axis, layout, into: &svg)
    }
    drawValueTitle(layout, into: &svg)
    drawCategoryLabels(layout, into: &svg)
    if let axis {
      switch arrangement {
      case .grouped: drawGroupedBars(axis, layout, into: &svg)
      case .stacked: drawStackedBars(axis, layout, into: &svg)
      }
      drawBaseline(axis, layout, into: &svg)
    } else {
      svg.line(
        #"<text class="no-data" x="\#(number((layout.plotLeft + layout.plotRight) / 2))" "#
          + #"y="\#(number((layout.plotTop + layout.plotBottom) / 2))" text-anchor="middle" "#
          + ##"fill="#666666">No data</text>"##
      )
    }
    if !notes.isEmpty {
      svg.line(
        #"<text class="note" x="16.00" y="\#(number(Double(layout.height) - 6))" "#
          + ##"font-size="11" fill="#666666">"##
          + "\(ChartText.escaped(notes.joined(separator: "; ")))</text>"
      )
    }
    svg.line("</svg>")
    return svg.text
  }
}

// MARK: - Data

extension SVGBarChart {
  /// The scale the bars are drawn on: linear for stacked bars whatever ``scale`` says.
  fileprivate var drawnScale: ChartScale { arrangement == .stacked ? .linear : scale }

  /// The number of categories: the longest of the names and every value list.
  fileprivate var categoryCount: Int {
    series.reduce(categories.count) { max($0, $1.values.count) }
  }

  /// The value of a series in a category, if present and placeable on the drawn scale.
  fileprivate func value(_ series: Int, _ category: Int) -> FixedDecimal? {
    let values = self.series[series].values
    guard category < values.count, let value = values[category],
      ValueAxis.canPlace(value, on: drawnScale)
    else { return nil }
    return value
  }

  /// The segments of each category's stack, from the baseline outwards, and the total.
  ///
  /// Positive values stack one way and negative values the other, so every segment keeps
  /// a length proportional to its value. A segment whose end would leave
  /// ``FixedDecimal``'s range is left out.
  fileprivate var stacks: [Stack] {
    (0..<categoryCount).map { category in
      var stack = Stack()
      var positive = FixedDecimal.zero
      var negative = FixedDecimal.zero
      for index in series.indices {
        guard let value = value(index, category) else { continue }
        let start = value.isNegative ? negative : positive
        guard let end = try? start + value else { continue }
        stack.segments.append(Stack.Segment(series: index, start: start, end: end))
        if value.isNegative { negative = end } else { positive = end }
      }
      stack.positive = positive
      stack.negative = negative
      stack.total = try? positive + negative
      return stack
    }
  }

  /// The values the value axis must cover.
  fileprivate var axisValues: [FixedDecimal] {
    var values: [FixedDecimal] = []
    switch arrangement {
    case .grouped:
      for index in series.indices {
        values += (0..<categoryCount).compactMap { value(index, $0) }
      }
    case .stacked:
      for stack in stacks where !stack.segments.isEmpty {
        values += [stack.positive, stack.negative]
      }
    }
    // A bar grows from zero, so zero is on every linear axis that has data.
    if drawnScale == .linear, !values.isEmpty { values.append(.zero) }
    return values
  }

  fileprivate var axis: ValueAxis? {
    ValueAxis(values: axisValues, scale: drawnScale, startingBelow: true)
  }

  /// The notes printed under the plot: what was left out or changed, and why.
  fileprivate var notes: [String] {
    var notes: [String] = []
    if arrangement == .stacked, scale == .logarithmic {
      notes.append("stacked bars are drawn on a linear axis")
    }
    if drawnScale == .logarithmic {
      let hidden = series.reduce(0) { count, line in
        count
          + line.values.filter { $0.map { !ValueAxis.canPlace($0, on: .logarithmic) } ?? false }
          .count
      }
      if hidden > 0 {
        notes.append(
          "\(hidden) \(hidden == 1 ? "value" : "values") ≤ 0 left out: the axis is logarithmic"
        )
      }
    }
    return notes
  }

  /// The text at the end of a grouped bar.
  fileprivate func valueText(_ series: Int, _ category: Int, _ value: FixedDecimal) -> String {
    let labels = self.series[series].valueLabels
    return (category < labels.count ? labels[category] : nil) ?? Self.defaultValueText(value)
  }

  /// The text at the end of a stack.
  fileprivate func totalText(_ category: Int, _ total: FixedDecimal) -> String {
    (category < totalLabels.count ? totalLabels[category] : nil) ?? Self.defaultValueText(total)
  }

  /// Every text printed at a bar end, for making room for them.
  fileprivate var endTexts: [(text: String, negative: Bool)] {
    switch arrangement {
    case .grouped:
      return series.indices.flatMap { index in
        (0..<categoryCount).compactMap { category in
          value(index, category).map { (valueText(index, category, $0), $0.isNegative) }
        }
      }
    case .stacked:
      return stacks.enumerated().compactMap { category, stack in
        guard !stack.segments.isEmpty, let total = stack.total else { return nil }
        return (totalText(category, total), stack.positive.isZero && stack.negative.isNegative)
      }
    }
  }
}

/// One category's stacked bar.
private struct Stack {
  struct Segment {
    var series: Int
    var start: FixedDecimal
    var end: FixedDecimal
  }

  var segments: [Segment] = []
  var positive = FixedDecimal.zero
  var negative = FixedDecimal.zero
  var total: FixedDecimal?
}

// MARK: - Drawing

extension SVGBarChart {
  private func drawLegend(_ layout: BarLayout, into svg: inout SVGWriter) {
    for entry in layout.legend {
      svg.line(
        #"<rect class="legend" x="\#(number(entry.x))" y="\#(number(entry.y - 10))" "#
          + #"width="12.00" height="12.00" fill="\#(ChartPalette.colour(at: entry.series))"/>"#
      )
      svg.line(
        #"<text class="legend" x="\#(number(entry.x + 16))" y="\#(number(entry.y))">"#
          + "\(ChartText.escaped(entry.text))</text>"
      )
    }
  }

  private func drawValueAxis(_ axis: ValueAxis, _ layout: BarLayout, into svg: inout SVGWriter) {
    for (index, tick) in axis.ticks.enumerated() {
      guard let position = layout.valuePosition(tick, on: axis) else { continue }
      let label = index % layout.tickLabelStep == 0 ? axis.labels[index] : nil
      switch orientation {
      case .horizontal:
        svg.line(
          #"<line class="grid" x1="\#(number(position))" y1="\#(number(layout.plotTop))" "#
            + #"x2="\#(number(position))" y2="\#(number(layout.plotBottom))" "#
            + ##"stroke="#e5e5e5"/>"##
        )
        if let label {
          svg.line(
            #"<text class="value-tick" x="\#(number(position))" "#
              + #"y="\#(number(layout.plotBottom + 16))" text-anchor="middle">"#
              + "\(ChartText.escaped(label))</text>"
          )
        }
      case .vertical:
        svg.line(
          #"<line class="grid" x1="\#(number(layout.plotLeft))" y1="\#(number(position))" "#
            + #"x2="\#(number(layout.plotRight))" y2="\#(number(position))" "#
            + ##"stroke="#e5e5e5"/>"##
        )
        if let label {
          svg.line(
            #"<text class="value-tick" x="\#(number(layout.plotLeft - 6))" "#
              + #"y="\#(number(position + 4))" text-anchor="end">"#
              + "\(ChartText.escaped(label))</text>"
          )
        }
      }
    }
  }

  private func drawValueTitle(_ layout: BarLayout, into svg: inout SVGWriter) {
    let text = ChartText.escaped(valueLabel)
    switch orientation {
    case .horizontal:
      svg.line(
        #"<text class="value-title" x="\#(number((layout.plotLeft + layout.plotRight) / 2))" "#
          + #"y="\#(number(layout.plotBottom + 34))" text-anchor="middle">\#(text)</text>"#
      )
    case .vertical:
      svg.line(
        #"<text class="value-title" transform="translate(16.00 "#
          + #"\#(number((layout.plotTop + layout.plotBottom) / 2))) rotate(-90)" "#
          + #"text-anchor="middle">\#(text)</text>"#
      )
    }
  }

  private func drawCategoryLabels(_ layout: BarLayout, into svg: inout SVGWriter) {
    for index in layout.categoryIndices where index < categories.count {
      let text = ChartText.escaped(
        ChartText.truncated(categories[index], toCells: layout.labelCells)
      )
      let middle = layout.bandStart(index) + layout.band / 2
      switch orientation {
      case .horizontal:
        svg.line(
          #"<text class="category-label" x="\#(number(layout.categoryLabelEdge))" "#
            + #"y="\#(number(middle + 4))" text-anchor="end">\#(text)</text>"#
        )
      case .vertical:
        svg.line(
          #"<text class="category-label" x="\#(number(middle))" "#
            + #"y="\#(number(layout.categoryLabelEdge))" text-anchor="middle">\#(text)</text>"#
        )
      }
    }
  }

  private func drawGroupedBars(_ axis: ValueAxis, _ layout: BarLayout, into svg: inout SVGWriter) {
    var labels: [String] = []
    for category in 0..<categoryCount {
      for index in series.indices {
        guard let value = value(index, category),
          let end = layout.valuePosition(value, on: axis)
        else { continue }
        let start = layout.baseline
        let offset =
          layout.bandStart(category) + layout.band * 0.1
          + layout.thickness * Double(index)
        svg.line(rect("bar", layout, start, end, offset, colour: ChartPalette.colour(at: index)))
        if layout.showsValueLabels {
          let text = valueText(index, category, value)
          labels.append(endLabel("value-label", text, layout, end, offset, value.isNegative))
        }
      }
    }
    for label in labels { svg.line(label) }
  }

  private func drawStackedBars(_ axis: ValueAxis, _ layout: BarLayout, into svg: inout SVGWriter) {
    var labels: [String] = []
    for (category, stack) in stacks.enumerated() where !stack.segments.isEmpty {
      let offset = layout.bandStart(category) + layout.band * 0.1
      for segment in stack.segments {
        guard let start = layout.valuePosition(segment.start, on: axis),
          let end = layout.valuePosition(segment.end, on: axis)
        else { continue }
        let colour = ChartPalette.colour(at: segment.series)
        svg.line(rect("segment", layout, start, end, offset, colour: colour))
      }
      guard layout.showsValueLabels, let total = stack.total else { continue }
      let negative = stack.positive.isZero && stack.negative.isNegative
      guard let end = layout.valuePosition(negative ? stack.negative : stack.positive, on: axis)
      else { continue }
      labels.append(
        endLabel("total-label", totalText(category, total), layout, end, offset, negative)
      )
    }
    for label in labels { svg.line(label) }
  }

  private func drawBaseline(_ axis: ValueAxis, _ layout: BarLayout, into svg: inout SVGWriter) {
    let base = number(layout.baseline)
    switch orientation {
    case .horizontal:
      svg.line(
        #"<line class="baseline" x1="\#(base)" y1="\#(number(layout.plotTop))" x2="\#(base)" "#
          + ##"y2="\##(number(layout.plotBottom))" stroke="#333333"/>"##
      )
    case .vertical:
      svg.line(
        #"<line class="baseline" x1="\#(number(layout.plotLeft))" y1="\#(base)" "#
          + ##"x2="\##(number(layout.plotRight))" y2="\##(base)" stroke="#333333"/>"##
      )
    }
  }

  /// A bar from `start` to `end` along the value axis, `offset` into the category axis.
  private func rect(
    _ className: String,
    _ layout: BarLayout,
    _ start: Double,
    _ end: Double,
    _ offset: Double,
    colour: String
  ) -> String {
    let low = min(start, end)
    let length = abs(end - start)
    let (x, y, width, height) =
      orientation == .horizontal
      ? (low, offset, length, layout.thickness) : (offset, low, layout.thickness, length)
    return #"<rect class="\#(className)" x="\#(number(x))" y="\#(number(y))" "#
      + #"width="\#(number(width))" height="\#(number(height))" fill="\#(colour)"/>"#
  }

  /// The text at a bar's end: past the end, away from the baseline; rotated along a
  /// vertical bar that is too thin for it.
  private func endLabel(
    _ className: String,
    _ text: String,
    _ layout: BarLayout,
    _ end: Double,
    _ offset: Double,
    _ negative: Bool
  ) -> String {
    let escaped = ChartText.escaped(text)
    let middle = offset + layout.thickness / 2
    let style = ##"font-size="11" fill="#333333""##
    switch orientation {
    case .horizontal:
      let x = negative ? end - 4 : end + 4
      return #"<text class="\#(className)" x="\#(number(x))" y="\#(number(middle + 4))" "#
        + #"text-anchor="\#(negative ? "end" : "start")" \#(style)>\#(escaped)</text>"#
    case .vertical where layout.rotatesValueLabels:
      let y = negative ? end + 4 : end - 4
      return #"<text class="\#(className)" transform="translate(\#(number(middle + 4)) "#
        + #"\#(number(y))) rotate(-90)" text-anchor="\#(negative ? "end" : "start")" "#
        + #"\#(style)>\#(escaped)</text>"#
    case .vertical:
      let y = negative ? end + 13 : end - 4
      return #"<text class="\#(className)" x="\#(number(middle))" y="\#(number(y))" "#
        + #"text-anchor="middle" \#(style)>\#(escaped)</text>"#
    }
  }
}

/// Prints a pixel coordinate.
private func number(_ value: Double) -> String { ChartText.number(value) }

// MARK: - Layout

/// Where the parts of a bar chart go, in pixels.
private struct BarLayout {
  struct LegendEntry {
    var series: Int
    var text: String
    var x: Double
    var y: Double
  }

  var width: Int
  var height: Int
  var orientation: SVGBarChart.Orientation
  var legend: [LegendEntry] = []
  var plotLeft = 0.0
  var plotRight = 0.0
  var plotTop = 0.0
  var plotBottom = 0.0
  /// The pixel of the value axis where bars start: zero, or the lowest tick of a
  /// logarithmic axis.
  var baseline = 0.0
  /// The size of one category along the category axis.
  var band = 0.0
  /// The thickness of one bar.
  var thickness = 0.0
  /// Where category names end (horizontal) or stand (vertical).
  var categoryLabelEdge = 0.0
  var categoryIndices: [Int] = []
  /// The display cells a category name may take before it is cut.
  var labelCells = 0
  /// Every how many ticks a tick label is printed, so that labels do not overlap.
  var tickLabelStep = 1
  var showsValueLabels = true
  var rotatesValueLabels = false

  init(chart: SVGBarChart, axis: ValueAxis?) {
    orientation = chart.orientation
    let count = chart.categoryCount
    let seriesCount = max(chart.series.count, 1)
    let bars = chart.arrangement == .grouped ? seriesCount : 1
    width = min(max(chart.width, 200), 100_000)
    let legendNames =
      chart.series.count > 1 || chart.arrangement == .stacked ? chart.series.map(\.name) : []
    var legendRows = 0
    var x = 16.0
    for (index, name) in legendNames.enumerated() {
      let text = ChartText.truncated(name, toCells: 40)
      let entryWidth = Double(16 + ChartText.width(text) + 16)
      if legendRows == 0 || x + entryWidth > Double(width - 16) && x > 16 {
        legendRows += 1
        x = 16
      }
      legend.append(
        LegendEntry(series: index, text: text, x: x, y: 52 + 18 * Double(legendRows - 1))
      )
      x += entryWidth
    }
    let top = 40.0 + (legendRows > 0 ? 18 * Double(legendRows) + 6 : 0)
    let noteRoom = chart.notes.isEmpty ? 0.0 : 16
    let endTexts = chart.endTexts
    let endTextWidth = Double(endTexts.map { ChartText.width($0.text) }.max() ?? 0)
    let hasNegative = endTexts.contains { $0.negative }
    let tickLabels = axis?.labels ?? []
    let tickWidth = Double(tickLabels.map(ChartText.width).max() ?? 0)
    let names = chart.categories.prefix(count)
    let nameCells = names.map(TextTable.displayWidth(of:)).max() ?? 0

    switch chart.orientation {
    case .horizontal:
      let perRow = bars > 1 ? max(24, 14 * bars + 6) : 24
      let automatic = Int(top) + max(count, 1) * perRow + 44 + Int(noteRoom)
      height = min(max(chart.height ?? automatic, 150), 100_000)
      plotTop = top
      plotBottom = Double(height) - 44 - noteRoom
      labelCells = min(nameCells, width * 35 / 100 / ChartText.cellWidth)
      categoryLabelEdge = 16 + Double(labelCells * ChartText.cellWidth)
      let valueRoom = min(endTextWidth + 8, Double(width) / 4)
      plotLeft = categoryLabelEdge + 8 + (hasNegative ? valueRoom : 0)
      let lastTickHalf = Double(tickLabels.last.map(ChartText.width) ?? 0) / 2
      plotRight = Double(width) - 12 - max(valueRoom, lastTickHalf)
      band = (plotBottom - plotTop) / Double(max(count, 1))
      let limit = band >= 14 ? count : Int((plotBottom - plotTop) / 14)
      categoryIndices = ChartText.thinnedIndices(count: count, limit: limit)
      if let ticks = axis?.ticks, ticks.count > 1 {
        let spacing = (plotRight - plotLeft) / Double(ticks.count - 1)
        tickLabelStep = max(1, Int(((tickWidth + 8) / spacing).rounded(.up)))
      }
    case .vertical:
      height = min(max(chart.height ?? 450, 150), 100_000)
      plotLeft = min(max(34 + tickWidth, 40), Double(width) / 4)
      plotRight = Double(width) - 16
      band = (plotRight - plotLeft) / Double(max(count, 1))
      thickness = band * 0.8 / Double(bars)
      let labelled = thickness >= 12
      rotatesValueLabels = labelled && endTextWidth > thickness + (bars > 1 ? 2 : band * 0.2)
      let valueRoom = labelled ? (rotatesValueLabels ? endTextWidth + 8 : 16) : 8
      plotTop = top + valueRoom
      categoryLabelEdge = Double(height) - 14 - noteRoom
      plotBottom = categoryLabelEdge - 16 - (hasNegative ? valueRoom : 0)
      let limit = min(12, max(2, Int((plotRight - plotLeft) / 36)))
      categoryIndices = ChartText.thinnedIndices(count: count, limit: limit)
      let step = categoryIndices.count > 1 ? categoryIndices[1] - categoryIndices[0] : count
      labelCells = max(3, Int((band * Double(max(step, 1)) - 6) / Double(ChartText.cellWidth)))
      if let ticks = axis?.ticks, ticks.count > 1 {
        let spacing = (plotBottom - plotTop) / Double(ticks.count - 1)
        tickLabelStep = max(1, Int((16 / spacing).rounded(.up)))
      }
    }
    thickness = band * 0.8 / Double(bars)
    showsValueLabels = thickness >= 12
    if let axis {
      baseline = valuePosition(axis.scale == .linear ? .zero : axis.low, on: axis) ?? plotLeft
    }
  }

  /// The pixel of a value along the value axis, or `nil` when it cannot be placed.
  func valuePosition(_ value: FixedDecimal, on axis: ValueAxis) -> Double? {
    guard let fraction = axis.fraction(of: value) else { return nil }
    switch orientation {
    case .horizontal: return plotLeft + fraction * (plotRight - plotLeft)
    case .vertical: return plotBottom - fraction * (plotBottom - plotTop)
    }
  }

  /// Where a category's band starts along the category axis.
  func bandStart(_ category: Int) -> Double {
    (orientation == .horizontal ? plotTop : plotLeft) + band * Double(category)
  }
}
