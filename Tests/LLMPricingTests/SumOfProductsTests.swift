import Foundation
import LLMPricing
import Testing

@Suite("Sums of products, rounded once")
struct SumOfProductsTests {
  /// A random non-negative value with at most `places` fractional digits and about
  /// `digits` digits in all, so that products of such values are exact in 18 digits.
  private static func value(
    _ random: inout SeededRandomNumberGenerator,
    digits: Int,
    places: Int
  ) throws -> FixedDecimal {
    var scaled: UInt64 = 1
    for _ in 0..<digits { scaled *= 10 }
    let whole = Int(random.next() % scaled)
    var divisor: Int128 = 1
    for _ in 0..<places { divisor *= 10 }
    return try FixedDecimal(units: Int128(whole) * (1_000_000_000_000_000_000 / divisor))
  }

  @Test("pairs with exact products sum to the exact total", arguments: [1, 2, 3])
  func pairsMatchExactArithmetic(seed: UInt64) throws {
    var random = SeededRandomNumberGenerator(seed: seed)
    for _ in 0..<200 {
      var terms: [(FixedDecimal, FixedDecimal)] = []
      var expected = FixedDecimal.zero
      for _ in 0..<Int(random.next() % 40) {
        // 9 + 9 fractional digits: every product is exact, so plain arithmetic is the truth.
        let a = try Self.value(&random, digits: Int(random.next() % 13) + 1, places: 9)
        let b = try Self.value(&random, digits: Int(random.next() % 13) + 1, places: 9)
        terms.append((a, b))
        expected = try expected + (try a * b)
      }
      #expect(try FixedDecimal.sumOfProducts(terms) == expected)
    }
  }

  @Test("triples with exact products sum to the exact total", arguments: [1, 2, 3])
  func triplesMatchExactArithmetic(seed: UInt64) throws {
    var random = SeededRandomNumberGenerator(seed: seed)
    for _ in 0..<200 {
      var terms: [(FixedDecimal, FixedDecimal, FixedDecimal)] = []
      var expected = FixedDecimal.zero
      for _ in 0..<Int(random.next() % 40) {
        // 6 + 6 + 6 fractional digits and up to 19 digits each: products up to 10^19
        // with limbs of every size, and still exact.
        let a = try Self.value(&random, digits: Int(random.next() % 13) + 1, places: 6)
        let b = try Self.value(&random, digits: Int(random.next() % 13) + 1, places: 6)
        let c = try Self.value(&random, digits: Int(random.next() % 10) + 1, places: 6)
        guard let product = try? (try a * b) * c else { continue }
        terms.append((a, b, c))
        expected = try expected + product
      }
      #expect(try FixedDecimal.sumOfProducts(terms) == expected)
    }
  }

  @Test("one rounding, half to even, where term-by-term rounding drifts")
  func roundsOnce() throws {
    let tiny = FixedDecimal("0.000000001")
    let half = FixedDecimal("0.5")
    // 10^-9 × 10^-9 × 0.5 = 0.5 × 10^-18: a tie, to even (0).
    #expect(try FixedDecimal.sumOfProducts([(tiny, tiny, half)]) == .zero)
    // Three such terms: 1.5 × 10^-18, a tie, to even (2 units), where rounding each
    // term would give 0.
    let three = [(tiny, tiny, half), (tiny, tiny, half), (tiny, tiny, half)]
    #expect(try FixedDecimal.sumOfProducts(three) == FixedDecimal(units: 2))
    #expect(
      try three.reduce(FixedDecimal.zero) { try $0 + (try (try $1.0 * $1.1) * $1.2) } == .zero
    )
    // 10^-9 × 0.0000000015 = 1.5 × 10^-18: to even, 2 units; 2.5 × 10^-18: 2 units.
    let pairs = [(tiny, FixedDecimal("0.0000000015"))]
    #expect(try FixedDecimal.sumOfProducts(pairs) == FixedDecimal(units: 2))
    #expect(
      try FixedDecimal.sumOfProducts([(tiny, FixedDecimal("0.0000000025"))])
        == FixedDecimal(units: 2)
    )
    #expect(
      try FixedDecimal.sumOfProducts([(tiny, FixedDecimal("0.0000000026"))])
        == FixedDecimal(units: 3)
    )
  }

  @Test("large terms: exact near the top of the range, overflow reported beyond it")
  func largeTerms() throws {
    let big = FixedDecimal(10_000_000_000)
    let volume = FixedDecimal(100_000)
    // 10^10 × 10^5 × 10^5 = 10^20, within the range of about 1.7 × 10^20.
    let total = try FixedDecimal.sumOfProducts([(big, volume, volume)])
    #expect(total == (try (try big * volume) * volume))
    // Twice that is out of range, and says so.
    #expect(throws: PricingError.self) {
      try FixedDecimal.sumOfProducts([(big, volume, volume), (big, volume, volume)])
    }
    // Terms whose products need all 384 bits before the division still overflow cleanly.
    let top = FixedDecimal.greatestValue
    #expect(throws: PricingError.self) { try FixedDecimal.sumOfProducts([(top, top, top)]) }
    #expect(throws: PricingError.self) { try FixedDecimal.sumOfProducts([(top, top)]) }
    // A huge factor times a tiny one is fine: 1.7 × 10^20 × 10^-18 × 10^-2.
    let tiny = try FixedDecimal(units: 1)
    let small = FixedDecimal("0.01")
    #expect(try FixedDecimal.sumOfProducts([(top, tiny, small)]) == (try (try top * tiny) * small))
  }

  @Test("a negative factor is a typed error naming the term")
  func negativeFactors() throws {
    let terms = [(FixedDecimal(1), FixedDecimal(2)), (FixedDecimal(3), FixedDecimal(-4))]
    do {
      _ = try FixedDecimal.sumOfProducts(terms)
      Issue.record("a negative factor was accepted")
    } catch let error as PricingError {
      #expect(error.code == .invalidNumber)
      #expect(error.message.contains("term 1"))
      #expect(error.message.contains("-4"))
    }
    #expect(try FixedDecimal.sumOfProducts([(FixedDecimal, FixedDecimal)]()) == .zero)
  }
}
