import Foundation
import LLMPricing
import Testing

@Suite("Chart palette")
struct ChartPaletteTests {
  /// The smallest CIE76 ΔE allowed between two colours of the palette.
  ///
  /// A ΔE of about 2.3 is just noticeable between large patches side by side; a legend
  /// swatch and a 2-px line are small and far apart, where differences must be several
  /// times larger to be told apart reliably. 25 is more than ten times the
  /// just-noticeable difference and still below what Dark24 achieves (26.0 over all 24
  /// colours, 29.1 over the first 20), so a later replacement colour that comes close to
  /// another fails here.
  static let minimumDeltaE = 25.0

  @Test func atLeastTwentyColoursInHexForm() {
    #expect(ChartPalette.colours.count >= 20)
    for colour in ChartPalette.colours {
      #expect(colour.count == 7 && colour.hasPrefix("#"))
      #expect(rgb(colour) != nil)
    }
  }

  @Test func coloursAreMutuallyDistinct() throws {
    for count in [20, ChartPalette.colours.count] {
      let labs = try ChartPalette.colours.prefix(count).map { try #require(lab($0)) }
      var smallest = Double.infinity
      for first in labs.indices {
        for second in labs.indices where second > first {
          smallest = min(smallest, deltaE(labs[first], labs[second]))
        }
      }
      #expect(smallest > Self.minimumDeltaE, "closest pair among \(count): ΔE \(smallest)")
    }
  }

  @Test func everyColourContrastsWithWhite() throws {
    // WCAG 2.1 success criterion 1.4.11: graphical objects need 3:1 against their
    // background.
    for colour in ChartPalette.colours {
      let luminance = try #require(relativeLuminance(colour))
      let contrast = 1.05 / (luminance + 0.05)
      #expect(contrast >= 3, "\(colour) has contrast \(contrast):1 with white")
    }
  }

  @Test func oracleMatchesPublishedLabValues() throws {
    // Published CIELAB (D65) values: sRGB red is L 53.24, a 80.09, b 67.20; white is
    // L 100, a 0, b 0; mid grey #777777 is L 50.03.
    let red = try #require(lab("#ff0000"))
    #expect(abs(red.l - 53.24) < 0.01 && abs(red.a - 80.09) < 0.01 && abs(red.b - 67.20) < 0.01)
    let white = try #require(lab("#ffffff"))
    #expect(abs(white.l - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    #expect(abs((try #require(lab("#777777"))).l - 50.03) < 0.01)
  }

  @Test func coloursCycleInOrder() {
    let count = ChartPalette.colours.count
    #expect(ChartPalette.colour(at: 0) == ChartPalette.colours[0])
    #expect(ChartPalette.colour(at: count) == ChartPalette.colours[0])
    #expect(ChartPalette.colour(at: count + 3) == ChartPalette.colours[3])
    #expect(ChartPalette.colour(at: -1) == ChartPalette.colours[count - 1])
  }
}

// MARK: - An independent sRGB → CIELAB conversion

private func rgb(_ hex: String) -> (Double, Double, Double)? {
  guard hex.count == 7, hex.hasPrefix("#"), let value = UInt32(hex.dropFirst(), radix: 16) else {
    return nil
  }
  return (
    Double((value >> 16) & 0xff) / 255, Double((value >> 8) & 0xff) / 255,
    Double(value & 0xff) / 255
  )
}

/// The sRGB transfer function undone (IEC 61966-2-1).
private func linear(_ channel: Double) -> Double {
  channel <= 0.04045 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
}

private func xyz(_ hex: String) -> (x: Double, y: Double, z: Double)? {
  guard let (red, green, blue) = rgb(hex) else { return nil }
  let (r, g, b) = (linear(red), linear(green), linear(blue))
  return (
    0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
    0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
    0.0193339 * r + 0.1191920 * g + 0.9503041 * b
  )
}

private func relativeLuminance(_ hex: String) -> Double? { xyz(hex)?.y }

private func lab(_ hex: String) -> (l: Double, a: Double, b: Double)? {
  guard let (x, y, z) = xyz(hex) else { return nil }
  // The D65 white point.
  let (xn, yn, zn) = (0.95047, 1.0, 1.08883)
  func f(_ t: Double) -> Double {
    t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
  }
  let (fx, fy, fz) = (f(x / xn), f(y / yn), f(z / zn))
  return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
}

private func deltaE(
  _ first: (l: Double, a: Double, b: Double),
  _ second: (l: Double, a: Double, b: Double)
) -> Double {
  let dl = first.l - second.l
  let da = first.a - second.a
  let db = first.b - second.b
  return (dl * dl + da * da + db * db).squareRoot()
}
