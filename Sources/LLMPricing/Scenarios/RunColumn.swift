/// A fixed-length column of one run's state, such as every offering's price.
///
/// ``ScenarioRun`` keeps its state in these rather than in `Array`s. A column is a view of
/// memory that a ``RunColumnStorage`` owns, so writing an element leaves the run itself
/// unchanged: a step pays for no uniqueness check, no copy-on-write and, in optimized
/// builds, no bounds check. With arrays, that bookkeeping (and the workarounds that kept
/// the compiler from copying whole runs) was about a fifth of a Monte Carlo run.
///
/// Indices are checked with `assert`, so debug builds (the whole test suite runs in one)
/// trap on a bad index; the run only ever indexes within the lengths it allocated.
/// Elements must be trivial values, without references: the memory is never
/// deinitialized.
struct RunColumn<Element> {
  private let base: UnsafeMutablePointer<Element>

  /// The number of elements.
  let count: Int

  /// A column over memory that its storage has allocated and initialized.
  init(base: UnsafeMutablePointer<Element>, count: Int) {
    self.base = base
    self.count = count
  }

  /// The element at an index.
  subscript(index: Int) -> Element {
    @inline(__always) get {
      assert(index >= 0 && index < count, "column index \(index) outside 0..<\(count)")
      return base[index]
    }
    @inline(__always) nonmutating set {
      assert(index >= 0 && index < count, "column index \(index) outside 0..<\(count)")
      base[index] = newValue
    }
    // In place, as swift-collections does: `sums[index].add(term)` would otherwise copy
    // the element out and back for every term.
    @inline(__always) nonmutating _modify {
      assert(index >= 0 && index < count, "column index \(index) outside 0..<\(count)")
      yield &base[index]
    }
  }

  /// Sets every element to a value.
  func fill(with value: Element) {
    base.update(repeating: value, count: count)
  }

  /// Sets the elements to those of an array of the same length.
  func fill(from source: [Element]) {
    assert(source.count == count, "\(source.count) elements for a column of \(count)")
    for index in 0..<min(count, source.count) { base[index] = source[index] }
  }

  /// The elements, copied into an array.
  var elements: [Element] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }
}
