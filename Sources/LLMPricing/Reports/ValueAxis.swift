import Foundation

/// A chart's value axis: its ticks, their labels, the range they span, and where a value
/// falls along it.
///
/// Shared by ``SVGLineChart`` (the y axis) and ``SVGBarChart`` (the axis the bars grow
/// along). A linear axis has nice 1-2-5 ticks computed exactly on ``FixedDecimal``; a
/// logarithmic one has ticks at powers of ten, see ``ChartScale/logarithmic``.
struct ValueAxis {
  var scale: ChartScale
  var ticks: [FixedDecimal]
  var labels: [String]
  var low: FixedDecimal
  var high: FixedDecimal
  /// The base-10 logarithms of ``low`` and ``high``; used by a logarithmic axis only.
  private var logLow = 0.0
  private var logHigh = 1.0

  /// The axis covering `values`, or `nil` when there are none it can show.
  ///
  /// A logarithmic axis covers only the positive values. With `startingBelow`, it starts
  /// at a power of ten strictly below the smallest value, so that the shortest bar of a bar
  /// chart, which grows from the axis' lower end, still has a length.
  init?(values: [FixedDecimal], scale: ChartScale, startingBelow: Bool = false) {
    switch scale {
    case .linear: self.init(linearValues: values)
    case .logarithmic: self.init(logarithmicValues: values, startingBelow: startingBelow)
    }
  }

  /// The linear axis covering `values`; see ``SVGLineChart/yTicks`` for the rules.
  private init?(linearValues values: [FixedDecimal]) {
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
    scale = .linear
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

  /// The logarithmic axis covering the positive `values`.
  private init?(logarithmicValues values: [FixedDecimal], startingBelow: Bool) {
    let positive = values.filter { $0 > .zero }
    guard let smallest = positive.min(), let largest = positive.max() else { return nil }
    var lowExponent = Self.exponent(atOrBelow: smallest)
    var highExponent = Self.exponent(atOrAbove: largest)
    if startingBelow, Self.power(lowExponent) == smallest, lowExponent > Self.leastExponent {
      lowExponent -= 1
    }
    // A single power of ten gets the decade below it, so a bar of that value has a length.
    if lowExponent == highExponent {
      if lowExponent > Self.leastExponent {
        lowExponent -= 1
      } else {
        highExponent += 1
      }
    }
    let decades = highExponent - lowExponent
    let step = (decades + 9) / 10
    highExponent = lowExponent + step * ((decades + step - 1) / step)
    var ticks: [FixedDecimal] = []
    if decades == 1 {
      for multiplier in [1, 2, 5] {
        if let power = Self.power(lowExponent), let tick = try? power * multiplier {
          ticks.append(tick)
        }
      }
      if let top = Self.power(highExponent) { ticks.append(top) }
    } else {
      for exponent in stride(from: lowExponent, through: highExponent, by: step) {
        if let tick = Self.power(exponent) { ticks.append(tick) }
      }
    }
    guard let low = Self.power(lowExponent) else { return nil }
    let high = Self.power(highExponent) ?? .greatestValue
    guard let logLow = Self.log10(low), let logHigh = Self.log10(high), logHigh > logLow else {
      return nil
    }
    scale = .logarithmic
    self.ticks = ticks
    labels = ticks.map { DecimalFormatter.grouped($0.description) }
    self.low = low
    self.high = high
    self.logLow = logLow
    self.logHigh = logHigh
  }

  /// How far along the axis a value lies, 0 at ``low`` and 1 at ``high``; `nil` when it
  /// cannot be placed, such as zero or a negative value on a logarithmic axis.
  func fraction(of value: FixedDecimal) -> Double? {
    switch scale {
    case .linear:
      guard let exact = Self.scale(value, from: low, to: high, over: 1) else { return nil }
      return Double(exact.units) / 1e18
    case .logarithmic:
      guard let logarithm = Self.log10(value) else { return nil }
      return (logarithm - logLow) / (logHigh - logLow)
    }
  }

  /// Whether a value can be placed on an axis of this scale.
  static func canPlace(_ value: FixedDecimal, on scale: ChartScale) -> Bool {
    scale == .linear || value > .zero
  }

  // MARK: Logarithms

  /// The exponent of the smallest positive ``FixedDecimal``, 10⁻¹⁸.
  private static let leastExponent = -FixedDecimal.fractionDigits

  /// 10^exponent, or `nil` outside ``FixedDecimal``'s range.
  private static func power(_ exponent: Int) -> FixedDecimal? {
    guard exponent >= leastExponent else { return nil }
    var units: Int128 = 1
    for _ in 0..<(exponent + FixedDecimal.fractionDigits) {
      let (product, overflow) = units.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      units = product
    }
    return try? FixedDecimal(units: units)
  }

  /// The largest *e* with 10^*e* ≤ `value`, for a positive value.
  private static func exponent(atOrBelow value: FixedDecimal) -> Int {
    var rest = value.units.magnitude
    var digits = 0
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    return digits - 1 - FixedDecimal.fractionDigits
  }

  /// The smallest *e* with 10^*e* ≥ `value`, for a positive value.
  private static func exponent(atOrAbove value: FixedDecimal) -> Int {
    let below = exponent(atOrBelow: value)
    return power(below) == value ? below : below + 1
  }

  /// The base-10 logarithm of a positive value, `nil` for zero and negative values.
  ///
  /// Taken of the integer units and shifted by 18, so a power of ten, whose units convert
  /// to `Double` exactly up to 10²², has an exact logarithm.
  static func log10(_ value: FixedDecimal) -> Double? {
    guard value > .zero else { return nil }
    return Foundation.log10(Double(value.units)) - Double(FixedDecimal.fractionDigits)
  }

  // MARK: Linear ticks

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
