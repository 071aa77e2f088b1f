import Foundation

/// A scenario's timeline, Monte Carlo bands and sensitivity table, rendered as text, CSV
/// or an SVG chart.
///
/// Rendering is deterministic: the same inputs give the same bytes.
///
/// ```swift
/// let simulation = try ScenarioSimulation(try ScenarioPreset.scenario("china-may-2024"))
/// let report = ScenarioReport(simulation: simulation, result: try simulation.run())
/// print(report.text())
/// ```
public struct ScenarioReport: Sendable {
  /// The scenario.
  public var scenario: Scenario
  /// Its deterministic timeline.
  public var result: ScenarioResult
  /// Monte Carlo bands, when runs were made.
  public var monteCarlo: MonteCarlo.Result?
  /// The one-at-a-time sensitivity table and the outcome it measures, if computed.
  public var sensitivity: (metric: ScenarioMetric, rows: [SensitivityRow])?

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - simulation: The simulation that produced the result.
  ///   - result: The deterministic timeline.
  ///   - monteCarlo: Monte Carlo bands, if any.
  ///   - sensitivity: The sensitivity table and its metric, if any.
  public init(
    simulation: ScenarioSimulation,
    result: ScenarioResult,
    monteCarlo: MonteCarlo.Result? = nil,
    sensitivity: (metric: ScenarioMetric, rows: [SensitivityRow])? = nil
  ) {
    self.scenario = simulation.scenario
    self.result = result
    self.monteCarlo = monteCarlo
    self.sensitivity = sensitivity
  }

  private var code: String { result.currency.code }

  private func money(_ value: FixedDecimal) -> String {
    Money(value, result.currency).formatted()
  }

  private func price(_ value: FixedDecimal?) -> String {
    value.map { $0.formatted(places: 4) } ?? "—"
  }

  private func percent(_ value: FixedDecimal) -> String {
    ((try? value * 100) ?? .zero).formatted(places: 1) + "%"
  }

  /// The report for a terminal: the months, the offerings, the summary, the bands and the
  /// sensitivity table, then the notes and sources.
  ///
  /// - Returns: The text, ending with a newline.
  public func text() -> String {
    document { $0.rendered() }
  }

  /// The same report as Markdown: every table a GitHub-flavoured Markdown table (each
  /// followed by a blank line, so the line after it is not read as a row), the rest as text.
  ///
  /// - Returns: The Markdown, ending with a newline.
  public func markdown() -> String {
    document { $0.markdown() + "\n" }
  }

  /// The report's lines, with each table laid out by `render`.
  private func document(_ render: (TextTable) -> String) -> String {
    var out: [String] = []
    out.append("\(scenario.title) [\(scenario.id)]")
    out.append(
      "\(scenario.start) + \(scenario.months) months, workload '\(scenario.workload.name)', "
        + "prices per million tokens of that workload, amounts in \(code)"
    )
    out.append("")
    var headers = ["month", "CNY/USD", "market (M tokens)", "avg price", "buyer on", "bill"]
    headers += ["switcher on", "bill (switching)"]
    let bands = monteCarlo?.months
    if bands != nil { headers += ["bill p10", "p50", "p90"] }
    var months = TextTable(headers, rightAligned: [1, 2, 3, 5, 7, 8, 9, 10])
    for (index, month) in result.months.enumerated() {
      var row = [
        month.month.description, month.cnyPerUSD.formatted(places: 4),
        month.marketVolume.formatted(places: 0), price(month.averagePrice),
        month.buyer.offering, money(month.buyer.bill),
        month.buyer.switchingOffering + (month.buyer.switched ? " *" : ""),
        money(month.buyer.switchingBill),
      ]
      if let band = bands?[index].switchingBuyerBill {
        row += [money(band.p10), money(band.p50), money(band.p90)]
      }
      months.append(row)
    }
    out.append(render(months))
    out.append("(* the switching buyer moved that month)")
    out.append("")
    var offerings = TextTable(
      [
        "offering", "start price", "end price", "change", "start share", "end share", "revenue",
        "gross margin", "floor", "left",
      ],
      rightAligned: [1, 2, 3, 4, 5, 6, 7]
    )
    for summary in result.summary.offerings {
      var change = "—"
      if let start = summary.startPrice, let end = summary.endPrice, !start.isZero,
        let ratio = try? (try end - start).divided(by: start)
      {
        change = percent(ratio)
      }
      offerings.append([
        summary.offering, price(summary.startPrice), price(summary.endPrice), change,
        percent(summary.startShare), percent(summary.endShare), money(summary.revenue),
        summary.grossMargin.map(money) ?? "—", summary.floorReached?.description ?? "",
        summary.exited?.description ?? "",
      ])
    }
    out.append(render(offerings))
    out.append("")
    let summary = result.summary
    out.append("Buyer staying put:       \(money(summary.buyerBill))")
    out.append(
      "Buyer switching:         \(money(summary.switchingBuyerBill)) (switching saves \(money(summary.switchingSaving)))"
    )
    out.append(
      "At the first month's prices: \(money(summary.billAtStartPrices)); the price war saves \(money(summary.cumulativeSaving))"
    )
    out.append("Share winner:            \(summary.shareWinner)")
    if let monteCarlo {
      out.append("")
      out.append(
        "Monte Carlo: \(monteCarlo.runs) runs, seed \(monteCarlo.seed), varying "
          + monteCarlo.parameters.joined(separator: ", ")
      )
      var table = TextTable(["outcome", "p10", "p50", "p90"], rightAligned: [1, 2, 3])
      for (name, band) in [
        ("buyer staying put", monteCarlo.buyerBill),
        ("buyer switching", monteCarlo.switchingBuyerBill),
        ("saving from the price war", monteCarlo.cumulativeSaving),
      ] {
        table.append([name, money(band.p10), money(band.p50), money(band.p90)])
      }
      for offering in monteCarlo.offerings {
        table.append([
          "\(offering.offering) end share", percent(offering.endShare.p10),
          percent(offering.endShare.p50), percent(offering.endShare.p90),
        ])
      }
      out.append(render(table))
      let wins = monteCarlo.offerings.filter { $0.shareWins > 0 }
        .map { "\($0.offering) \($0.shareWins)" }
      out.append("Runs won (largest share gain): " + wins.joined(separator: ", "))
    }
    if let sensitivity, !sensitivity.rows.isEmpty {
      out.append("")
      out.append("Sensitivity of \(sensitivity.metric), one parameter at a time:")
      var table = TextTable(
        ["parameter", "low", "high", "at low", "at high", "swing"],
        rightAligned: [1, 2, 3, 4, 5]
      )
      let isShare: Bool
      if case .endShare = sensitivity.metric { isShare = true } else { isShare = false }
      let show = isShare ? percent : money
      for row in sensitivity.rows {
        table.append([
          row.parameter, row.low.formatted(places: 4), row.high.formatted(places: 4),
          show(row.outcomeAtLow), show(row.outcomeAtHigh), show(row.swing),
        ])
      }
      out.append(render(table))
    }
    if !result.notes.isEmpty {
      out.append("")
      out.append("Notes:")
      out += result.notes.map { "- " + $0 }
    }
    out.append("")
    out.append("Sources:")
    out += scenario.sources.map { "- \($0.claim) <\($0.url)>" }
    return out.joined(separator: "\n") + "\n"
  }

  /// One CSV row per month and offering, with the month's market and buyer figures and,
  /// with Monte Carlo runs, the switching buyer's bill band.
  ///
  /// - Returns: RFC 4180 CSV with a header, ending with a newline.
  public func csv() -> String {
    var header = [
      "month", "offering", "available", "currency", "price", "reporting_price", "at_floor",
      "free_tokens", "volume_mtok", "share", "revenue", "reporting_revenue", "gross_margin",
      "cny_per_usd", "market_volume_mtok", "average_price", "buyer_offering", "buyer_bill",
      "switching_offering", "switching_bill",
    ]
    if monteCarlo != nil {
      header += ["switching_bill_p10", "switching_bill_p50", "switching_bill_p90"]
    }
    var lines = [header.joined(separator: ",")]
    for (index, month) in result.months.enumerated() {
      for row in month.offerings {
        var fields = [
          month.month.description, row.offering, row.available ? "true" : "false",
          row.currency.code, row.price.description, row.reportingPrice.description,
          row.atFloor ? "true" : "false", String(row.freeTokensPerMonth),
          row.volume.description, row.share.description, row.revenue.description,
          row.reportingRevenue.description, row.grossMargin?.description ?? "",
          month.cnyPerUSD.description, month.marketVolume.description,
          month.averagePrice.description, month.buyer.offering, month.buyer.bill.description,
          month.buyer.switchingOffering, month.buyer.switchingBill.description,
        ]
        if let band = monteCarlo?.months[index].switchingBuyerBill {
          fields += [band.p10.description, band.p50.description, band.p90.description]
        }
        lines.append(fields.map(Self.csvField).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func csvField(_ text: String) -> String {
    text.contains(",") || text.contains("\"") || text.contains("\n")
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// A chart of every offering's price, month by month, in the reporting currency, with
  /// the Monte Carlo band of the market's average price when runs were made.
  ///
  /// - Returns: The chart; call `render()` for the SVG text.
  public func chart() -> SVGLineChart {
    let series = scenario.offerings.indices.map { index in
      SVGLineChart.Series(
        name: scenario.offerings[index].id,
        values: result.months.map {
          $0.offerings[index].available ? $0.offerings[index].reportingPrice : nil
        }
      )
    }
    var bands: [SVGLineChart.Band] = []
    if let months = monteCarlo?.months {
      bands.append(
        SVGLineChart.Band(
          name: "average price p10–p90",
          low: months.map { $0.averagePrice.p10 },
          middle: months.map { $0.averagePrice.p50 },
          high: months.map { $0.averagePrice.p90 }
        )
      )
    }
    return SVGLineChart(
      title: scenario.title,
      xLabels: result.months.map(\.month.description),
      yLabel: "\(code) per million tokens (\(scenario.workload.name))",
      series: series,
      bands: bands
    )
  }
}
