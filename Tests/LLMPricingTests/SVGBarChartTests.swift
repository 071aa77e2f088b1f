import Foundation
import LLMPricing
import Testing

@Suite("SVG bar chart")
struct SVGBarChartTests {
  // MARK: Well-formed output

  @Test func outputIsAStandaloneWellFormedSVG() throws {
    let chart = SVGBarChart(
      title: "Bills",
      categories: ["deepseek/deepseek-flash@CNY", "alibaba/通义千问-max@CNY"],
      valueLabel: "CNY",
      series: [
        SVGBarChart.Series(name: "list", values: [12, 30]),
        SVGBarChart.Series(name: "cached", values: [8, nil]),
      ]
    )
    let svg = chart.render()
    #expect(svg.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<svg "))
    #expect(svg.hasSuffix("</svg>\n"))
    let elements = try parse(svg)
    let root = try #require(elements.first)
    #expect(root.name == "svg" && root.attributes["version"] == "1.1")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    let width = try #require(root.attributes["width"])
    let height = try #require(root.attributes["height"])
    #expect(width == "800" && root.attributes["viewBox"] == "0 0 \(width) \(height)")
    #expect(root.attributes["font-family"]?.contains("'Noto Sans CJK SC'") == true)
    #expect(root.attributes["font-family"]?.hasSuffix("sans-serif") == true)
    #expect(elements.first { $0.name == "title" }?.text == "Bills")
    // Three values, three bars; the missing one draws nothing.
    #expect(elements.filter { $0.className == "bar" }.count == 3)
    #expect(elements.filter { $0.className == "category-label" }.count == 2)
  }

  // MARK: Geometry by hand

  @Test func horizontalBarsMatchTheLayoutByHand() throws {
    // One series, so no legend: the plot starts at y 40 and ends at 200 − 44 = 156.
    // Names are one cell: they end at 16 + 7 = 23 and the plot starts 8 px later, at 31.
    // Value labels "30.00"/"60.00" are 5 cells (35 px) + 8: the plot ends at
    // 600 − 12 − 43 = 545, 514 px wide. Ticks 0…60 by 10, so a unit is 514 ÷ 60 px.
    // Two rows of 58 px; a bar is 80% of its row (46.4 px) after a 10% gap (5.8 px).
    let chart = SVGBarChart(
      title: "Hand",
      categories: ["a", "b"],
      valueLabel: "CNY",
      series: [SVGBarChart.Series(name: "A", values: [30, 60])],
      width: 600,
      height: 200
    )
    #expect(chart.valueTicks == [0, 10, 20, 30, 40, 50, 60])
    let elements = try parse(chart.render())
    let bars = elements.filter { $0.className == "bar" }
    #expect(bars.map { $0.attributes["x"] } == ["31.00", "31.00"])
    #expect(bars.map { $0.attributes["y"] } == ["45.80", "103.80"])
    // 30 × 514 ÷ 60 = 257; 60 × 514 ÷ 60 = 514.
    #expect(bars.map { $0.attributes["width"] } == ["257.00", "514.00"])
    #expect(bars.map { $0.attributes["height"] } == ["46.40", "46.40"])
    let labels = elements.filter { $0.className == "value-label" }
    #expect(labels.map(\.text) == ["30.00", "60.00"])
    // 4 px past the bar end, on the bar's middle line + 4.
    #expect(labels.map { $0.attributes["x"] } == ["292.00", "549.00"])
    #expect(labels.map { $0.attributes["y"] } == ["73.00", "131.00"])
    let ticks = elements.filter { $0.className == "value-tick" }
    #expect(ticks.map(\.text) == ["0", "10", "20", "30", "40", "50", "60"])
    // 31 + 514 ÷ 6 = 116.666…
    #expect(ticks.map { $0.attributes["x"] }.prefix(2) == ["31.00", "116.67"])
    let names = elements.filter { $0.className == "category-label" }
    #expect(names.map(\.text) == ["a", "b"])
    #expect(names.map { $0.attributes["y"] } == ["73.00", "131.00"])
  }

  @Test func stackedSegmentsMatchTheLayoutByHandAndSumToTheTotal() throws {
    // The legend takes one row: the plot starts at 40 + 18 + 6 = 64, plus 16 for the
    // totals printed above the stacks: 80. Names sit at 300 − 14 = 286, the plot ends 16
    // above, at 270: 190 px for 0…40, 4.75 px per unit. The widest tick label "40" is
    // 2 cells: the plot starts at 34 + 14 = 48 and ends at 400 − 16 = 384; two bands of
    // 168 px, each bar 134.4 px wide after a 16.8 px gap.
    let chart = SVGBarChart(
      title: "Stacked",
      categories: ["m1", "m2"],
      valueLabel: "CNY",
      series: [
        SVGBarChart.Series(name: "in", values: [10, 20]),
        SVGBarChart.Series(name: "out", values: [30, 20]),
      ],
      orientation: .vertical,
      arrangement: .stacked,
      width: 400,
      height: 300
    )
    #expect(chart.valueTicks == [0, 10, 20, 30, 40])
    let elements = try parse(chart.render())
    let segments = elements.filter { $0.className == "segment" }
    #expect(segments.map { $0.attributes["x"] } == ["64.80", "64.80", "232.80", "232.80"])
    #expect(segments.map { $0.attributes["width"] } == ["134.40", "134.40", "134.40", "134.40"])
    // m1: 0…10 is y 270…222.5, 10…40 is 222.5…80; m2: 0…20 is 270…175, 20…40 is 175…80.
    #expect(segments.map { $0.attributes["y"] } == ["222.50", "80.00", "175.00", "80.00"])
    #expect(segments.map { $0.attributes["height"] } == ["47.50", "142.50", "95.00", "95.00"])
    #expect(
      segments.map { $0.attributes["fill"] } == [
        ChartPalette.colours[0], ChartPalette.colours[1], ChartPalette.colours[0],
        ChartPalette.colours[1],
      ]
    )
    // Each stack is as tall as its total: 40 units × 4.75 = 190 px, from 270 up to 80.
    for stack in [segments.prefix(2), segments.suffix(2)] {
      let heights = try stack.map { try pixel($0, "height") }
      #expect(heights.reduce(0, +) == 190)
    }
    let totals = elements.filter { $0.className == "total-label" }
    #expect(totals.map(\.text) == ["40.00", "40.00"])
    // Centred on the bar (64.8 + 67.2 = 132), 4 px above its top.
    #expect(totals.first?.attributes["x"] == "132.00" && totals.first?.attributes["y"] == "76.00")
    #expect(
      elements.filter { $0.className == "legend" && $0.name == "text" }.map(\.text) == [
        "in", "out",
      ]
    )
    #expect(elements.filter { $0.className == "bar" }.isEmpty)
  }

  @Test func negativeStackedValuesGrowBelowTheBaseline() throws {
    let chart = SVGBarChart(
      title: "Credits",
      categories: ["m1"],
      valueLabel: "CNY",
      series: [
        SVGBarChart.Series(name: "usage", values: [30]),
        SVGBarChart.Series(name: "credit", values: [-10]),
      ],
      orientation: .vertical,
      arrangement: .stacked,
      totalLabels: ["¥20 net"]
    )
    let elements = try parse(chart.render())
    let baseline = try #require(elements.first { $0.className == "baseline" }?.attributes["y1"])
    let segments = elements.filter { $0.className == "segment" }
    #expect(segments.count == 2)
    // The usage ends at the baseline; the credit starts there.
    let usageTop = try pixel(segments.first, "y")
    let usageHeight = try pixel(segments.first, "height")
    #expect(printed(usageTop + usageHeight) == baseline)
    #expect(segments.last?.attributes["y"] == baseline)
    #expect(elements.first { $0.className == "total-label" }?.text == "¥20 net")
  }

  @Test func groupedSeriesShareACategoryBandSideBySide() throws {
    let chart = SVGBarChart(
      title: "Grouped",
      categories: ["a"],
      valueLabel: "v",
      series: [
        SVGBarChart.Series(name: "CNY", values: [10]),
        SVGBarChart.Series(name: "USD", values: [5]),
      ],
      height: 300
    )
    let bars = try parse(chart.render()).filter { $0.className == "bar" }
    let ys = try bars.map { try pixel($0, "y") }
    let heights = try bars.map { try pixel($0, "height") }
    let widths = try bars.map { try pixel($0, "width") }
    // The second bar starts where the first ends and is equally thick.
    #expect(abs(ys[0] + heights[0] - ys[1]) < 0.011 && heights[0] == heights[1])
    // Half the value, half the length.
    #expect(abs(widths[0] - 2 * widths[1]) < 0.011)
  }

  // MARK: Logarithmic scale

  @Test func logarithmicBarsStartAtTheLowestPowerOfTen() throws {
    // 10 is a power of ten: the axis starts a decade below it, at 1, so that the bar of 10
    // has a length. Axis 1…1000: 10 is one third and 100 two thirds of the longest bar.
    let chart = SVGBarChart(
      title: "Log",
      categories: ["a", "b", "c", "free"],
      valueLabel: "v",
      series: [SVGBarChart.Series(name: "p", values: [10, 100, 1000, 0])],
      scale: .logarithmic
    )
    #expect(chart.valueTicks == [1, 10, 100, 1000])
    let elements = try parse(chart.render())
    let widths = try elements.filter { $0.className == "bar" }.map {
      try pixel($0, "width")
    }
    #expect(widths.count == 3)
    #expect(abs(widths[0] * 3 - widths[2]) < 0.02 && abs(widths[1] * 3 - widths[2] * 2) < 0.02)
    let note = elements.first { $0.className == "note" }?.text
    #expect(note == "1 value ≤ 0 left out: the axis is logarithmic")
  }

  @Test func stackedChartsFallBackToALinearAxisWithANote() throws {
    let chart = SVGBarChart(
      title: "t",
      categories: ["a"],
      valueLabel: "v",
      series: [
        SVGBarChart.Series(name: "x", values: [3]), SVGBarChart.Series(name: "y", values: [4]),
      ],
      arrangement: .stacked,
      scale: .logarithmic
    )
    // 0…7 on a linear axis: step 2 (0…8, 4 intervals) is closer to 5 than step 1 (7).
    #expect(chart.valueTicks == [0, 2, 4, 6, 8])
    let note = try parse(chart.render()).first { $0.className == "note" }?.text
    #expect(note == "stacked bars are drawn on a linear axis")
  }

  // MARK: Text

  @Test func textIsEscaped() throws {
    let chart = SVGBarChart(
      title: "A&B <x> \"q\"",
      categories: ["<&\">"],
      valueLabel: "\"v\" & <w>",
      series: [
        SVGBarChart.Series(name: "s<1>", values: [1], valueLabels: ["¥1 & <tax>"]),
        SVGBarChart.Series(name: "t&u", values: [2]),
      ]
    )
    let svg = chart.render()
    #expect(svg.contains("A&amp;B &lt;x&gt; &quot;q&quot;"))
    #expect(svg.contains("&lt;&amp;&quot;&gt;"))
    #expect(!svg.contains("<x>") && !svg.contains("A&B") && !svg.contains("<tax>"))
    let elements = try parse(svg)
    #expect(elements.first { $0.className == "category-label" }?.text == "<&\">")
    #expect(elements.first { $0.className == "value-title" }?.text == "\"v\" & <w>")
    #expect(elements.first { $0.className == "value-label" }?.text == "¥1 & <tax>")
    let legend = elements.filter { $0.className == "legend" && $0.name == "text" }.map(\.text)
    #expect(legend == ["s<1>", "t&u"])
  }

  @Test func longNamesAreCutToTheirDisplayWidth() throws {
    // At width 200 a name may take 35% of it: 70 px, 10 cells. "通义千问超长上下文版本"
    // is 22 cells: four characters (8 cells) and the ellipsis (1) fit, a fifth does not.
    let chart = SVGBarChart(
      title: "t",
      categories: ["通义千问超长上下文版本", "abcdefghijklmnop", "short"],
      valueLabel: "v",
      series: [SVGBarChart.Series(name: "s", values: [1, 2, 3])],
      width: 200
    )
    let names = try parse(chart.render()).filter { $0.className == "category-label" }
    #expect(names.map(\.text) == ["通义千问…", "abcdefghi…", "short"])
  }

  @Test func defaultValueTextsAreExactDecimals() throws {
    let cases: [(String, String)] = [
      ("1234.5", "1,234.50"), ("0.0012", "0.0012"), ("0.05", "0.050"), ("0.5", "0.50"),
      ("-3", "-3.00"), ("0", "0.00"), ("1234567.125", "1,234,567.12"),
      ("0.000000000000000001", "0.000000000000000001"),
    ]
    for (value, expected) in cases {
      #expect(SVGBarChart.defaultValueText(try dec(value)) == expected)
    }
  }

  // MARK: Colours and labels

  @Test func twentySeriesGetTwentyDistinctFills() throws {
    let chart = SVGBarChart(
      title: "Twenty",
      categories: ["a"],
      valueLabel: "v",
      series: (0..<20).map { SVGBarChart.Series(name: "s\($0)", values: [FixedDecimal($0 + 1)]) }
    )
    let elements = try parse(chart.render())
    let fills = elements.filter { $0.className == "bar" }.compactMap { $0.attributes["fill"] }
    #expect(fills.count == 20 && Set(fills).count == 20)
    let swatches = elements.filter { $0.className == "legend" && $0.name == "rect" }
    #expect(swatches.compactMap { $0.attributes["fill"] } == fills)
  }

  @Test(
    "Vertical category labels are thinned, keeping the first and last",
    arguments: [5, 13, 30, 100]
  )
  func verticalThinning(count: Int) throws {
    let names = (0..<count).map { "c\($0)" }
    let chart = SVGBarChart(
      title: "t",
      categories: names,
      valueLabel: "v",
      series: [SVGBarChart.Series(name: "s", values: names.indices.map { FixedDecimal($0) })],
      orientation: .vertical
    )
    let printed = try parse(chart.render()).filter { $0.className == "category-label" }
      .map(\.text)
    #expect(printed.first == "c0" && printed.last == "c\(count - 1)")
    #expect(printed.count <= 12)
    #expect(printed == chart.categoryLabelIndices.map { names[$0] })
    if count <= 12 { #expect(printed == names) }
  }

  @Test func valueLabelsAreLeftOutWhenBarsAreTooThin() throws {
    let chart = SVGBarChart(
      title: "t",
      categories: (0..<40).map { "c\($0)" },
      valueLabel: "v",
      series: [SVGBarChart.Series(name: "s", values: (0..<40).map { FixedDecimal($0) })],
      height: 300
    )
    let elements = try parse(chart.render())
    #expect(elements.filter { $0.className == "bar" }.count == 40)
    #expect(!elements.contains { $0.className == "value-label" })
  }

  // MARK: Degenerate charts

  @Test func chartWithoutValuesSaysNoData() throws {
    for chart in [
      SVGBarChart(title: "Nothing", categories: [], valueLabel: "v"),
      SVGBarChart(
        title: "Nothing",
        categories: ["a"],
        valueLabel: "v",
        series: [SVGBarChart.Series(name: "s", values: [nil])],
        orientation: .vertical,
        arrangement: .stacked
      ),
    ] {
      #expect(chart.valueTicks.isEmpty)
      let elements = try parse(chart.render())
      #expect(elements.first?.name == "svg")
      #expect(elements.first { $0.className == "no-data" }?.text == "No data")
      #expect(!elements.contains { ["bar", "segment", "value-tick"].contains($0.className) })
    }
  }

  @Test func renderingIsDeterministic() {
    func make() -> SVGBarChart {
      SVGBarChart(
        title: "d",
        categories: (0..<9).map { "m\($0)" },
        valueLabel: "v",
        series: (0..<3).map { series in
          SVGBarChart.Series(name: "s\(series)", values: (0..<9).map { FixedDecimal($0 * series) })
        },
        orientation: .vertical,
        arrangement: .stacked
      )
    }
    #expect(make().render() == make().render())
  }
}

/// A pixel value printed the way the charts print coordinates, for comparing sums.
private func printed(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let fraction = abs(hundredths) % 100
  return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// A numeric attribute of an element, failing the test when it is missing or malformed.
private func pixel(
  _ element: SVGElement?,
  _ attribute: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> Double {
  let text = try #require(element?.attributes[attribute], sourceLocation: sourceLocation)
  return try #require(Double(text), sourceLocation: sourceLocation)
}
