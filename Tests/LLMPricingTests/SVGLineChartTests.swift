import Foundation
import LLMPricing
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("SVG line chart")
struct SVGLineChartTests {
  // MARK: Well-formed output

  @Test func outputIsWellFormedXML() throws {
    let chart = SVGLineChart(
      title: "Price war: \"input\" & 'output' <2024>",
      xLabels: (1...30).map { "m\($0)" },
      yLabel: "CNY per million tokens",
      series: [
        SVGLineChart.Series(name: "deepseek-chat", values: [2, 2, nil, 1, try dec("0.5")]),
        SVGLineChart.Series(name: "qwen-max", values: [nil, 20]),
      ],
      bands: [
        SVGLineChart.Band(
          name: "p10–p90",
          low: [1, 1, nil, 1],
          middle: [2, 2, 2, 2],
          high: [3, 3, 3, 3]
        )
      ]
    )
    let svg = chart.render()
    #expect(svg.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<svg "))
    #expect(svg.hasSuffix("</svg>\n"))
    let elements = try parse(svg)
    let root = try #require(elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["width"] == "800" && root.attributes["height"] == "450")
    #expect(root.attributes["viewBox"] == "0 0 800 450")
    #expect(elements.first { $0.name == "title" }?.text == chart.title)
    #expect(elements.contains { $0.name == "text" && $0.text == "CNY per million tokens" })
  }

  @Test func typeDocumentationExample() throws {
    let chart = SVGLineChart(
      title: "DeepSeek input price",
      xLabels: ["2024-05", "2024-06", "2024-07", "2024-08"],
      yLabel: "CNY per million tokens",
      series: [SVGLineChart.Series(name: "deepseek-chat", values: [2, 2, nil, 1])]
    )
    let parts = try parse(chart.render()).filter { $0.className == "series" }
    #expect(parts.map(\.name) == ["polyline", "circle"])
    #expect(try coordinates(parts.first?.attributes["points"]).count == 2)
  }

  @Test func sizeIsClampedToAUsableRange() throws {
    for (width, height, expected) in [
      (Int.max, Int.min, ("100000", "150")), (-5, 0, ("200", "150")), (640, 360, ("640", "360")),
    ] {
      let chart = SVGLineChart(
        title: "t",
        xLabels: ["a", "b"],
        yLabel: "y",
        series: [SVGLineChart.Series(name: "s", values: [1, 2])],
        width: width,
        height: height
      )
      let root = try #require(try parse(chart.render()).first)
      #expect(root.attributes["width"] == expected.0 && root.attributes["height"] == expected.1)
    }
  }

  // MARK: Coordinates

  @Test func polylineCoordinatesMatchTheLayoutByHand() throws {
    // Ticks 0…100 by 20; the widest tick label "100" is 3 characters, so the plot starts at
    // 34 + 3 × 7 = 55. The legend needs 50 + 1 × 7 = 57, so the plot ends at
    // 800 − 16 − 57 = 727. The plot runs from y 40 down to 450 − 36 = 414.
    let chart = SVGLineChart(
      title: "Hand-computed",
      xLabels: ["2024-01", "2024-02", "2024-03"],
      yLabel: "CNY",
      series: [SVGLineChart.Series(name: "A", values: [0, 50, 100])]
    )
    let elements = try parse(chart.render())
    let plot = try #require(elements.first { $0.className == "plot" })
    #expect(plot.attributes["x"] == "55.00" && plot.attributes["y"] == "40.00")
    #expect(plot.attributes["width"] == "672.00" && plot.attributes["height"] == "374.00")
    // x: 55, 55 + 672 ÷ 2 = 391, 727. y: 414 − v × 374 ÷ 100 = 414, 227, 40.
    let lines = elements.filter { $0.className == "series" }
    #expect(lines.map(\.name) == ["polyline"])
    #expect(lines.first?.attributes["points"] == "55.00,414.00 391.00,227.00 727.00,40.00")
  }

  @Test func fractionalCoordinatesRoundToTwoDigits() throws {
    // Values 10…35 include zero (10 is within half of 35); ticks 0…40 by 10, widest label
    // 2 characters: the plot spans x 48…727 (679 px) and y 414…40 (374 px).
    // x: 48 + 679 × 1 ÷ 3 = 274.333…, 48 + 679 × 2 ÷ 3 = 500.666…, 727.
    // y: 414 − 35 × 374 ÷ 40 = 86.75, 414 − 10 × 9.35 = 320.5, 414 − 22 × 9.35 = 208.3.
    let chart = SVGLineChart(
      title: "Fractions",
      xLabels: ["a", "b", "c", "d"],
      yLabel: "CNY",
      series: [SVGLineChart.Series(name: "A", values: [nil, 35, 10, 22])]
    )
    #expect(chart.yTicks == [0, 10, 20, 30, 40])
    let lines = try parse(chart.render()).filter { $0.className == "series" }
    #expect(lines.count == 1)
    #expect(lines.first?.attributes["points"] == "274.33,86.75 500.67,320.50 727.00,208.30")
  }

  @Test func goldenDocument() {
    // Ticks 0…2 by 0.5 (1 is within half of 2, so zero is included); labels "0.0"…"2.0",
    // plot x 55…327 (400 − 16 − 57), y 40…164 (200 − 36), 124 px for 2 units: 62 per unit.
    let chart = SVGLineChart(
      title: "T",
      xLabels: ["a", "b"],
      yLabel: "Y",
      series: [SVGLineChart.Series(name: "s", values: [1, 2])],
      width: 400,
      height: 200
    )
    let expected = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200" \
      font-family="Helvetica, Arial, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', \
      sans-serif" font-size="12">
      <title>T</title>
      <rect class="background" width="400" height="200" fill="#ffffff"/>
      <text class="title" x="200.00" y="24.00" text-anchor="middle" font-size="16" \
      font-weight="bold">T</text>
      <text class="y-label" transform="translate(16.00 102.00) rotate(-90)" \
      text-anchor="middle">Y</text>
      <line class="grid" x1="55.00" y1="164.00" x2="327.00" y2="164.00" stroke="#e5e5e5"/>
      <text class="y-tick" x="49.00" y="168.00" text-anchor="end">0.0</text>
      <line class="grid" x1="55.00" y1="133.00" x2="327.00" y2="133.00" stroke="#e5e5e5"/>
      <text class="y-tick" x="49.00" y="137.00" text-anchor="end">0.5</text>
      <line class="grid" x1="55.00" y1="102.00" x2="327.00" y2="102.00" stroke="#e5e5e5"/>
      <text class="y-tick" x="49.00" y="106.00" text-anchor="end">1.0</text>
      <line class="grid" x1="55.00" y1="71.00" x2="327.00" y2="71.00" stroke="#e5e5e5"/>
      <text class="y-tick" x="49.00" y="75.00" text-anchor="end">1.5</text>
      <line class="grid" x1="55.00" y1="40.00" x2="327.00" y2="40.00" stroke="#e5e5e5"/>
      <text class="y-tick" x="49.00" y="44.00" text-anchor="end">2.0</text>
      <line class="x-tick" x1="55.00" y1="164.00" x2="55.00" y2="169.00" stroke="#333333"/>
      <text class="x-label" x="55.00" y="182.00" text-anchor="middle">a</text>
      <line class="x-tick" x1="327.00" y1="164.00" x2="327.00" y2="169.00" stroke="#333333"/>
      <text class="x-label" x="327.00" y="182.00" text-anchor="middle">b</text>
      <rect class="plot" x="55.00" y="40.00" width="272.00" height="124.00" fill="none" \
      stroke="#333333"/>
      <polyline class="series" points="55.00,102.00 327.00,40.00" fill="none" stroke="#2e91e5" \
      stroke-width="2" stroke-linejoin="round"/>
      <line class="legend" x1="347.00" y1="48.00" x2="371.00" y2="48.00" stroke="#2e91e5" \
      stroke-width="2"/>
      <text class="legend" x="377.00" y="52.00">s</text>
      </svg>

      """
    #expect(chart.render() == expected)
  }

  // MARK: Y axis

  @Test(
    "Y ticks are nice and cover the values",
    arguments: [
      // 3 is within half of 7, so zero is included; step 2 gives 4 intervals.
      (["3", "7"], ["0", "2", "4", "6", "8"]),
      // 100 is not within half of 105: a tight axis, step 1 gives exactly 5 intervals.
      (["100", "105"], ["100", "101", "102", "103", "104", "105"]),
      // All negative, −0.5 within half of −2: zero is included at the top.
      (["-2", "-0.5"], ["-2", "-1.5", "-1", "-0.5", "0"]),
      // Mixed signs: step 2 (6 intervals) beats step 5 (3 intervals).
      (["-3", "7"], ["-4", "-2", "0", "2", "4", "6", "8"]),
      (
        ["0.000001", "0.000003"],
        [
          "0", "0.0000005", "0.000001", "0.0000015", "0.000002",
          "0.0000025", "0.000003",
        ]
      ),
      (
        ["1000000000000", "3000000000000"],
        [
          "0", "500000000000", "1000000000000",
          "1500000000000", "2000000000000", "2500000000000", "3000000000000",
        ]
      ),
      (
        ["0.000001", "1000000000000"],
        [
          "0", "200000000000", "400000000000", "600000000000",
          "800000000000", "1000000000000",
        ]
      ),
      // Equal values: the axis runs from zero to the value.
      (["5", "5"], ["0", "1", "2", "3", "4", "5"]),
      (["-4", "-4"], ["-4", "-3", "-2", "-1", "0"]),
      (["0", "0"], ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
    ]
  )
  func yTicks(values: [String], expected: [String]) throws {
    let chart = SVGLineChart(
      title: "t",
      xLabels: [],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: try values.map { try dec($0) })]
    )
    #expect(chart.yTicks == (try expected.map { try dec($0) }))
    // Every tick is drawn, bottom to top, as a label and a grid line.
    let elements = try parse(chart.render())
    #expect(elements.filter { $0.className == "y-tick" }.count == expected.count)
    #expect(elements.filter { $0.className == "grid" }.count == expected.count)
  }

  @Test func yTickLabelsShareTheStepsDigitsAndGroupThousands() throws {
    func labels(_ values: [FixedDecimal]) throws -> [String] {
      let chart = SVGLineChart(
        title: "t",
        xLabels: [],
        yLabel: "y",
        series: [SVGLineChart.Series(name: "s", values: values)]
      )
      return try parse(chart.render()).filter { $0.className == "y-tick" }.map(\.text)
    }
    #expect(try labels([1, 2]) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
    #expect(
      try labels([try dec("0.000001"), try dec("0.000003")]) == [
        "0.0000000", "0.0000005", "0.0000010", "0.0000015", "0.0000020", "0.0000025",
        "0.0000030",
      ]
    )
    #expect(
      try labels([try dec("1e12"), try dec("3e12")]) == [
        "0", "500,000,000,000", "1,000,000,000,000", "1,500,000,000,000",
        "2,000,000,000,000", "2,500,000,000,000", "3,000,000,000,000",
      ]
    )
    #expect(try labels([-3, 7]) == ["-4", "-2", "0", "2", "4", "6", "8"])
  }

  @Test func zeroLineIsDarkerWhenTheAxisCrossesIt() throws {
    let chart = SVGLineChart(
      title: "t",
      xLabels: ["a", "b"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [-3, 7])]
    )
    let grid = try parse(chart.render()).filter { $0.className == "grid" }
    // Ticks −4…8 by 2: zero is the third line from the bottom.
    #expect(
      grid.map { $0.attributes["stroke"] == "#999999" } == [
        false, false, true, false, false, false, false,
      ]
    )
  }

  @Test func valuesAtBothEndsOfTheRangeAreStillPlaced() throws {
    // The span between them does not fit a FixedDecimal; nice ticks would leave the range.
    let chart = SVGLineChart(
      title: "Extremes",
      xLabels: ["a", "b", "c"],
      yLabel: "y",
      series: [
        SVGLineChart.Series(name: "s", values: [.greatestValue, .zero, .leastValue])
      ]
    )
    #expect(chart.yTicks == [.leastValue, .greatestValue])
    let elements = try parse(chart.render())
    let line = try #require(elements.first { $0.className == "series" })
    let plot = try #require(elements.first { $0.className == "plot" })
    let points = try coordinates(line.attributes["points"])
    #expect(points.count == 3)
    // Top of the plot, the middle (40 + 374 ÷ 2), the bottom.
    #expect(points.map(\.y) == ["40.00", "227.00", "414.00"])
    #expect(points.first?.x == plot.attributes["x"])
  }

  // MARK: Gaps

  @Test func nilValuesBreakTheLineInsteadOfDroppingToZero() throws {
    let chart = SVGLineChart(
      title: "Gaps",
      xLabels: ["1", "2", "3", "4", "5", "6", "7"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [1, 2, nil, 3, 4, nil, 5])]
    )
    let elements = try parse(chart.render())
    let parts = elements.filter { $0.className == "series" }
    #expect(parts.map(\.name) == ["polyline", "polyline", "circle"])
    #expect(try parts.prefix(2).map { try coordinates($0.attributes["points"]).count } == [2, 2])
    // Zero is the bottom of the plot (y 414); no drawn point is there.
    let ys = try parts.prefix(2).flatMap { try coordinates($0.attributes["points"]).map(\.y) }
    #expect(ys.count == 4 && !ys.contains("414.00"))
    #expect(parts.last?.attributes["cy"] == "40.00")
  }

  @Test func aSeriesLongerThanTheLabelsKeepsItsValues() throws {
    let chart = SVGLineChart(
      title: "t",
      xLabels: ["a", "b"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [1, 2, 3, 4])]
    )
    let elements = try parse(chart.render())
    let line = try #require(elements.first { $0.className == "series" })
    #expect(try coordinates(line.attributes["points"]).count == 4)
    #expect(elements.filter { $0.className == "x-label" }.map(\.text) == ["a", "b"])
  }

  // MARK: Bands

  @Test func bandIsAPolygonFromLowToHighWithADashedMiddle() throws {
    let chart = SVGLineChart(
      title: "Monte Carlo",
      xLabels: ["a", "b", "c", "d"],
      yLabel: "y",
      bands: [
        SVGLineChart.Band(
          name: "p10–p90",
          low: [1, 1, 2, 2],
          middle: [2, 2, 3, 3],
          high: [4, 4, 4, 4]
        )
      ]
    )
    let elements = try parse(chart.render())
    let polygon = try #require(elements.first { $0.className == "band" })
    #expect(polygon.name == "polygon")
    #expect(polygon.attributes["fill-opacity"] == "0.2")
    // Along the low edge and back along the high edge: 2 × 4 points.
    let outline = try coordinates(polygon.attributes["points"])
    #expect(outline.count == 8)
    #expect(
      outline.map(\.x) == Array(outline.prefix(4).map(\.x) + outline.prefix(4).map(\.x).reversed())
    )
    let middle = try #require(elements.first { $0.className == "band-middle" })
    #expect(middle.name == "polyline" && middle.attributes["stroke-dasharray"] == "6 4")
    #expect(try coordinates(middle.attributes["points"]).count == 4)
  }

  @Test func bandGapsSplitTheArea() throws {
    let chart = SVGLineChart(
      title: "t",
      xLabels: ["a", "b", "c", "d", "e", "f"],
      yLabel: "y",
      bands: [
        SVGLineChart.Band(
          name: "b",
          low: [1, 1, nil, 1, 1, 1],
          middle: [2, 2, 2, 2, nil, 2],
          high: [3, 3, 3, 3, 3, nil]
        )
      ]
    )
    let elements = try parse(chart.render())
    let areas = elements.filter { $0.className == "band" }
    #expect(areas.map(\.name) == ["polygon", "polygon"])
    #expect(try areas.map { try coordinates($0.attributes["points"]).count } == [4, 4])
    let middles = elements.filter { $0.className == "band-middle" }
    #expect(middles.map(\.name) == ["polyline", "circle"])
  }

  // MARK: Text

  @Test func namesAreEscaped() throws {
    let chart = SVGLineChart(
      title: "A&B <x>",
      xLabels: ["A&B <x>", "'q'"],
      yLabel: "\"y\"",
      series: [SVGLineChart.Series(name: "A&B <x>", values: [1, 2])],
      bands: [SVGLineChart.Band(name: "it's \"p50\"", low: [1], middle: [1], high: [2])]
    )
    let svg = chart.render()
    #expect(svg.contains("A&amp;B &lt;x&gt;"))
    #expect(!svg.contains("A&B"))
    #expect(!svg.contains("<x>"))
    #expect(svg.contains("it&apos;s &quot;p50&quot;"))
    let elements = try parse(svg)
    let legend = elements.filter { $0.name == "text" && $0.className == "legend" }.map(\.text)
    #expect(legend == ["A&B <x>", "it's \"p50\""])
    #expect(elements.first { $0.className == "x-label" }?.text == "A&B <x>")
    #expect(elements.first { $0.className == "y-label" }?.text == "\"y\"")
  }

  @Test func controlCharactersAreReplacedSoTheDocumentStaysWellFormed() throws {
    let chart = SVGLineChart(
      title: "bell\u{7}here",
      xLabels: [],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "tab\tok", values: [1])]
    )
    let elements = try parse(chart.render())
    #expect(elements.first { $0.className == "title" }?.text == "bell\u{FFFD}here")
    #expect(elements.first { $0.className == "legend" && $0.name == "text" }?.text == "tab\tok")
  }

  @Test func legendListsSeriesThenBandsWithTheCycledPalette() throws {
    let names = (0..<25).map { "s\($0)" }
    let chart = SVGLineChart(
      title: "t",
      xLabels: ["a", "b"],
      yLabel: "y",
      series: names.map { SVGLineChart.Series(name: $0, values: [1, 2]) },
      bands: [SVGLineChart.Band(name: "band", low: [1, 1], middle: [2, 2], high: [3, 3])]
    )
    let elements = try parse(chart.render())
    let legend = elements.filter { $0.className == "legend" && $0.name == "text" }.map(\.text)
    #expect(legend == names + ["band"])
    let strokes = elements.filter { $0.className == "series" }.compactMap {
      $0.attributes["stroke"]
    }
    let palette = SVGLineChart.palette
    #expect(palette == ChartPalette.colours)
    #expect(palette.count == 24)
    #expect(strokes == palette + [palette[0]])
    // The band takes the twenty-sixth colour: palette[1].
    #expect(elements.first { $0.className == "band" }?.attributes["fill"] == palette[1])
  }

  // MARK: Degenerate charts

  @Test func chartWithoutValuesSaysSo() throws {
    for chart in [
      SVGLineChart(title: "Nothing yet", xLabels: [], yLabel: "y"),
      SVGLineChart(
        title: "Nothing yet",
        xLabels: ["a", "b"],
        yLabel: "y",
        series: [SVGLineChart.Series(name: "s", values: [nil, nil])]
      ),
    ] {
      #expect(chart.yTicks.isEmpty)
      let elements = try parse(chart.render())
      #expect(elements.first { $0.className == "title" }?.text == "Nothing yet")
      #expect(elements.first { $0.className == "no-data" }?.text == "No data")
      #expect(!elements.contains { ["series", "y-tick", "grid"].contains($0.className) })
    }
  }

  @Test func singlePointIsADotInTheMiddle() throws {
    // Ticks 0…2 by 0.5 ("0.0"…"2.0", 3 characters): plot x 55…727, middle 391.
    let chart = SVGLineChart(
      title: "One month",
      xLabels: ["2024-05"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [2])]
    )
    let elements = try parse(chart.render())
    let dots = elements.filter { $0.className == "series" }
    #expect(dots.map(\.name) == ["circle"])
    #expect(dots.first?.attributes["cx"] == "391.00" && dots.first?.attributes["cy"] == "40.00")
    #expect(elements.first { $0.className == "x-label" }?.attributes["x"] == "391.00")
  }

  @Test func equalValuesDrawAFlatLineAtTheTop() throws {
    let chart = SVGLineChart(
      title: "Flat",
      xLabels: ["a", "b", "c"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [3, 3, 3])]
    )
    // 0…3 by 0.5 is 6 intervals, closer to 5 than 0…3 by 1.
    #expect(chart.yTicks == (try ["0", "0.5", "1", "1.5", "2", "2.5", "3"].map { try dec($0) }))
    let line = try #require(try parse(chart.render()).first { $0.className == "series" })
    #expect(try coordinates(line.attributes["points"]).map(\.y) == ["40.00", "40.00", "40.00"])
  }

  // MARK: X labels

  @Test(
    "Label thinning keeps the first and the last",
    arguments: [
      (0, []),
      (1, [0]),
      (12, Array(0..<12)),
      (13, [0, 2, 4, 6, 8, 10, 12]),
      // 12 is one place before 13: dropped rather than crowding the last label.
      (14, [0, 2, 4, 6, 8, 10, 13]),
      (24, [0, 3, 6, 9, 12, 15, 18, 23]),
      (25, [0, 3, 6, 9, 12, 15, 18, 21, 24]),
      (120, [0, 11, 22, 33, 44, 55, 66, 77, 88, 99, 119]),
    ]
  )
  func labelThinning(count: Int, expected: [Int]) throws {
    let labels = (0..<count).map { "L\($0)" }
    let chart = SVGLineChart(
      title: "t",
      xLabels: labels,
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [1])]
    )
    #expect(chart.xLabelIndices == expected)
    let printed = try parse(chart.render()).filter { $0.className == "x-label" }.map(\.text)
    #expect(printed == expected.map { labels[$0] })
  }

  @Test func thinnedLabelsNeverExceedTwelve() {
    for count in 1...500 {
      let indices = SVGLineChart(
        title: "",
        xLabels: Array(repeating: "x", count: count),
        yLabel: ""
      )
      .xLabelIndices
      #expect(indices.count <= 12 && indices.first == 0 && indices.last == count - 1)
      #expect(indices == indices.sorted() && Set(indices).count == indices.count)
    }
  }

  // MARK: Logarithmic scale

  @Test func logarithmicTicksAreEvenlySpacedPowersOfTen() throws {
    // Height 376: the plot runs from y 40 down to 376 − 36 = 340, 300 px for two decades,
    // so 1, 10 and 100 sit at 340, 190 and 40.
    let chart = SVGLineChart(
      title: "Log",
      xLabels: ["a", "b", "c"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [1, 10, 100])],
      height: 376,
      scale: .logarithmic
    )
    #expect(chart.yTicks == [1, 10, 100])
    let elements = try parse(chart.render())
    let grid = elements.filter { $0.className == "grid" }.map { $0.attributes["y1"] }
    #expect(grid == ["340.00", "190.00", "40.00"])
    let tickText = elements.filter { $0.className == "y-tick" }.map(\.text)
    #expect(tickText == ["1", "10", "100"])
    let line = try #require(elements.first { $0.className == "series" })
    #expect(try coordinates(line.attributes["points"]).map(\.y) == ["340.00", "190.00", "40.00"])
  }

  @Test func logarithmicAxisWithinOneDecadeAddsTwoAndFive() throws {
    // Axis 1…10 over 300 px: 2 sits at 340 − 300 × log10(2) = 340 − 90.309 = 249.69,
    // 8 at 340 − 300 × 0.90309 = 69.07.
    let chart = SVGLineChart(
      title: "Log",
      xLabels: ["a", "b"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [2, 8])],
      height: 376,
      scale: .logarithmic
    )
    #expect(chart.yTicks == [1, 2, 5, 10])
    let line = try #require(try parse(chart.render()).first { $0.className == "series" })
    #expect(try coordinates(line.attributes["points"]).map(\.y) == ["249.69", "69.07"])
  }

  @Test(
    "Logarithmic ticks",
    arguments: [
      (["0.003", "0.02"], ["0.001", "0.01", "0.1"]),
      (
        ["0.001", "1000000"],
        [
          "0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000",
          "100000", "1000000",
        ]
      ),
      // 22 decades: every third power keeps the intervals at ten or fewer.
      (
        ["0.000001", "10000000000000000"],
        [
          "0.000001", "0.001", "1", "1000", "1000000",
          "1000000000", "1000000000000", "1000000000000000", "1000000000000000000",
        ]
      ),
      // A single power of ten gets the decade below it.
      (["10", "10"], ["1", "2", "5", "10"]),
    ]
  )
  func logarithmicTicks(values: [String], expected: [String]) throws {
    let chart = SVGLineChart(
      title: "t",
      xLabels: [],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: try values.map { try dec($0) })],
      scale: .logarithmic
    )
    #expect(chart.yTicks == (try expected.map { try dec($0) }))
  }

  @Test func logarithmicAxisLeavesOutZeroAndNegativeValuesWithANote() throws {
    let chart = SVGLineChart(
      title: "Log",
      xLabels: ["a", "b", "c", "d", "e"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [1, 10, 0, -5, 100])],
      scale: .logarithmic
    )
    #expect(chart.yTicks == [1, 10, 100])
    let elements = try parse(chart.render())
    #expect(elements.filter { $0.className == "series" }.map(\.name) == ["polyline", "circle"])
    let note = try #require(elements.first { $0.className == "note" })
    #expect(note.text == "2 values ≤ 0 left out: the axis is logarithmic")
    // The linear default draws every value and has no note.
    var linear = chart
    linear.scale = .linear
    let plain = try parse(linear.render())
    #expect(!plain.contains { $0.className == "note" })
    #expect(plain.filter { $0.className == "series" }.map(\.name) == ["polyline"])
  }

  @Test func logarithmicChartWithOnlyNonPositiveValuesHasNoData() throws {
    let chart = SVGLineChart(
      title: "Log",
      xLabels: ["a"],
      yLabel: "y",
      series: [SVGLineChart.Series(name: "s", values: [0])],
      scale: .logarithmic
    )
    #expect(chart.yTicks.isEmpty)
    let elements = try parse(chart.render())
    #expect(elements.first { $0.className == "no-data" }?.text == "No data")
  }

  // MARK: Determinism

  @Test func renderingIsDeterministic() {
    func make() -> SVGLineChart {
      SVGLineChart(
        title: "Determinism",
        xLabels: (1...36).map { "2024-\($0)" },
        yLabel: "y",
        series: (0..<5).map { series in
          SVGLineChart.Series(
            name: "s\(series)",
            values: (0..<36).map { $0 % 7 == series ? nil : FixedDecimal($0 * (series + 1)) }
          )
        },
        bands: [
          SVGLineChart.Band(
            name: "b",
            low: (0..<36).map { FixedDecimal($0) },
            middle: (0..<36).map { FixedDecimal($0 * 2) },
            high: (0..<36).map { FixedDecimal($0 * 3) }
          )
        ]
      )
    }
    let first = make().render()
    #expect(first == make().render())
    #expect(first == make().render())
    #expect(make() == make())
  }
}
