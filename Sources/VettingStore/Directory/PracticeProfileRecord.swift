import Foundation
import VettingCore

/// A stored practice questionnaire.
public struct PracticeProfileRecord: Sendable, Hashable {
  /// The clinic or solo practitioner it describes.
  public var providerID: UUID
  /// The questionnaire as last set.
  public var questionnaire: PracticeQuestionnaire
  /// Optimistic-concurrency version (pass it to the next ``DirectoryRepository/setPracticeProfile(providerID:expectedVersion:json:actor:)``).
  public var version: Int
  /// When it was last changed.
  public var updatedAt: Date
}
