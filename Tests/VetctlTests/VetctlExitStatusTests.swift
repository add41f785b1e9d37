import Testing

@testable import VetctlCore

@Suite struct VetctlExitStatusTests {
  @Test func statusesAreDistinct() {
    let codes = VetctlExitStatus.all.map(\.code)
    #expect(Set(codes).count == codes.count)
  }
}
