import Foundation
import LLMPricing

/// A scenario's timeline, Monte Carlo bands and sensitivity table, rendered as text,
/// Markdown, CSV, or SVG charts of prices and of the buyer's bills.
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
        month.month.description, month.cnyPerUSD?.formatted(places: 4) ?? "—",
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
      "At the first month's prices: \(money(summary.billAtStartPrices)); the price war "
        + (summary.cumulativeSaving.isNegative
          ? "costs \(money(summary.cumulativeSaving.magnitude)) more"
          : "saves \(money(summary.cumulativeSaving))")
    )
    out.append(
      "Market:                  \(money(summary.marketSpend)) for "
        + "\(summary.marketVolume.formatted(places: 0)) million tokens"
    )
    out.append(
      "Share winner:            "
        + (summary.shareWinner.map { "\($0) (largest share gain)" } ?? "none: no share moved")
    )
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
        ("market spend", monteCarlo.marketSpend),
      ] {
        table.append([name, money(band.p10), money(band.p50), money(band.p90)])
      }
      let volume = monteCarlo.marketVolume
      table.append(
        ["market volume (M tokens)"]
          + [volume.p10, volume.p50, volume.p90].map {
            $0.formatted(places: 0)
          }
      )
      for offering in monteCarlo.offerings {
        table.append([
          "\(offering.offering) end share", percent(offering.endShare.p10),
          percent(offering.endShare.p50), percent(offering.endShare.p90),
        ])
      }
      out.append(render(table))
      let wins = monteCarlo.offerings.filter { $0.shareWins > 0 }
        .map { "\($0.offering) \($0.shareWins)" }
      out.append(
        "Runs won (largest share gain): "
          + (wins.isEmpty ? "none: no share moved in any run" : wins.joined(separator: ", "))
      )
    }
    if let sensitivity, !sensitivity.rows.isEmpty {
      out.append("")
      out.append("Sensitivity of \(sensitivity.metric), one parameter at a time:")
      var table = TextTable(
        ["parameter", "low", "high", "at low", "at high", "swing"],
        rightAligned: [1, 2, 3, 4, 5]
      )
      let show = sensitivity.metric.isShare ? percent : money
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
    if !scenario.sources.isEmpty {
      out.append("")
      out.append("Sources:")
      out += scenario.sources.map { "- \($0.claim) <\($0.url)>" }
    }
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
          month.cnyPerUSD?.description ?? "", month.marketVolume.description,
          month.averagePrice.description, month.buyer.offering, month.buyer.bill.description,
          month.buyer.switchingOffering, month.buyer.switchingBill.description,
        ]
        if let band = monteCarlo?.months[index].switchingBuyerBill {
          fields += [band.p10.description, band.p50.description, band.p90.description]
        }
        lines.append(fields.map(TextTable.csvField).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A chart of every offering's price, month by month, in the reporting currency, with
  /// the Monte Carlo band of the market's average price when runs were made; on a
  /// logarithmic axis when prices span a factor of ten or more (a 93% fall stays legible).
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
      bands: bands,
      scale: Self.scale(series.flatMap(\.values))
    )
  }

  /// A chart of the buyer's monthly bill: staying put and switching by the market's rule,
  /// each with its Monte Carlo p10–p90 band when runs were made.
  ///
  /// - Returns: The chart; call `render()` for the SVG text.
  public func billChart() -> SVGLineChart {
    let months = result.months
    var bands: [SVGLineChart.Band] = []
    if let bandMonths = monteCarlo?.months {
      bands = [
        SVGLineChart.Band(
          name: "staying put p10–p90",
          low: bandMonths.map { $0.buyerBill.p10 },
          middle: bandMonths.map { $0.buyerBill.p50 },
          high: bandMonths.map { $0.buyerBill.p90 }
        ),
        SVGLineChart.Band(
          name: "switching p10–p90",
          low: bandMonths.map { $0.switchingBuyerBill.p10 },
          middle: bandMonths.map { $0.switchingBuyerBill.p50 },
          high: bandMonths.map { $0.switchingBuyerBill.p90 }
        ),
      ]
    }
    let series = [
      SVGLineChart.Series(
        name: "staying on \(months.first?.buyer.offering ?? "")",
        values: months.map(\.buyer.bill)
      ),
      SVGLineChart.Series(
        name: "switching when it pays",
        values: months.map(\.buyer.switchingBill)
      ),
    ]
    return SVGLineChart(
      title: "The buyer's monthly bill [\(scenario.id)]",
      xLabels: months.map(\.month.description),
      yLabel: "\(code) a month (\(scenario.workload.name))",
      series: series,
      bands: bands,
      scale: Self.scale(series.flatMap(\.values) + bands.flatMap(\.low))
    )
  }

  /// Logarithmic when the positive values span a factor of ten or more.
  static func scale(_ values: [FixedDecimal?]) -> ChartScale {
    let positive = values.compactMap { $0 }.filter { $0 > .zero }
    guard let low = positive.min(), let high = positive.max(),
      let ratio = try? high.divided(by: low)
    else { return .linear }
    return ratio >= FixedDecimal(10) ? .logarithmic : .linear
  }
}
