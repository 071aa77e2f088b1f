/// The memory behind one run's ``RunColumn``s, freed with the last copy of the run.
///
/// A class for its `deinit`: columns are plain pointers, and a run's copies share them
/// (``ScenarioRun`` is restarted in place, never used through two copies at once).
final class RunColumnStorage {
  private var blocks: [UnsafeMutableRawPointer] = []

  /// Creates empty storage.
  init() {}

  /// A new column of `count` copies of a value.
  ///
  /// - Precondition: `Element` is a trivial type, since the memory is never deinitialized.
  func column<Element>(repeating value: Element, count: Int) -> RunColumn<Element> {
    precondition(_isPOD(Element.self), "run columns hold trivial values only")
    let base = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(count, 1))
    base.initialize(repeating: value, count: count)
    blocks.append(UnsafeMutableRawPointer(base))
    return RunColumn(base: base, count: count)
  }

  deinit {
    for block in blocks { block.deallocate() }
  }
}
