/// The colours the charts give their series, in order.
///
/// The palette is Plotly's "Dark24", a categorical set of 24 colours made for white
/// backgrounds. It was chosen over Tableau 10 (only ten colours) and Kelly's 22 (whose
/// yellows and light blue almost vanish on white) because a comparison of a whole catalog
/// easily needs twenty series, and every one of them must still read as a bar or a line:
///
/// - every colour has a contrast ratio of at least 3:1 against white, the WCAG 2.1 minimum
///   for graphical objects (success criterion 1.4.11);
/// - any two colours are at least 26 CIE76 ΔE apart (29 among the first twenty), more than
///   ten times the just-noticeable difference, so small legend swatches stay apart.
///
/// ``SVGLineChart`` and ``SVGBarChart`` take colours from here in order and start again
/// after the last, so the *n*-th series has the same colour in every chart.
public enum ChartPalette {
  /// The colours as `#rrggbb` strings, in the order series use them.
  public static let colours: [String] = [
    "#2e91e5", "#e15f99", "#1ca71c", "#fb0d0d", "#da16ff", "#222a2a",
    "#b68100", "#750d86", "#eb663b", "#511cfb", "#00a08b", "#fb00d1",
    "#fc0080", "#b2828d", "#6c7c32", "#778aae", "#862a16", "#a777f1",
    "#620042", "#1616a7", "#da60ca", "#6c4516", "#0d2a63", "#af0038",
  ]

  /// The colour of the series at an index, cycling through ``colours``.
  ///
  /// - Parameter index: The series' position, from zero; a negative index counts from the
  ///   end of the palette.
  /// - Returns: A `#rrggbb` colour.
  public static func colour(at index: Int) -> String {
    let count = colours.count
    return colours[((index % count) + count) % count]
  }
}
