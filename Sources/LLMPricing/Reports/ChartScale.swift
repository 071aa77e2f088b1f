/// How a chart maps values to distances along its value axis.
///
/// A logarithmic scale suits prices that differ by orders of magnitude, such as a
/// ¥0.1-per-million model beside a $75-per-million one, where a linear axis flattens every
/// cheap model onto the baseline.
public enum ChartScale: Hashable, Sendable {
  /// Equal distances for equal differences; the default.
  case linear
  /// Equal distances for equal ratios, with ticks at powers of ten.
  ///
  /// The axis runs from the power of ten at or below the smallest positive value to the
  /// power of ten at or above the largest. When that is a single decade the ticks add 2×
  /// and 5× (1, 2, 5, 10); when it is more than ten decades, every *k*-th power is
  /// labelled, *k* as small as keeps ten or fewer intervals. Zero and negative values have
  /// no place on a logarithmic axis: charts leave them out and say so in a note under the
  /// plot.
  case logarithmic
}
