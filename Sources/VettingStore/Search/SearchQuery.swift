import VettingCore

/// What a referral network asks the directory for: every filter of
/// `vetting.v1.SearchProvidersRequest`, all of which must hold (an empty or `nil` filter is no
/// filter), plus the order and the page.
///
/// Filters on a location (``state``, ``city``, ``postalCode``, ``near``) must all hold for the same
/// location of a provider; the hit shows that location (the nearest one when ``near`` is given,
/// otherwise the primary one). Profile filters read the provider's practice profile, assessment
/// filters its latest assessment: a provider without an assessment is listed only when no
/// assessment filter (``minimumScore``, ``tiers``, ``noCriticalFlags``, ``noMajorFlags``) is given.
/// Archived providers are never listed.
///
/// ```swift
/// var query = SearchQuery()
/// query.near = .init(origin: .postalCode("48912"), radius: 25, unit: .miles)
/// query.routes = [.intravenous]
/// query.noCriticalFlags = true
/// query.sort = .distance
/// let page = try await search.search(query)
/// ```
public struct SearchQuery: Sendable, Hashable {
  /// Words matched against clinic names, solo practitioners' names, and the names of the
  /// practitioners affiliated with a clinic (a clinic matches when its name, or one team
  /// member's name, matches). Every word must match, as a case-insensitive substring or by
  /// trigram word similarity (`pg_trgm` `%>`, default threshold 0.6, which forgives typos).
  /// `%`, `_` and `\` are literal. At most 200 characters and 8 words.
  public var text: String?
  /// A USPS state code (`MI`); case-insensitive.
  public var state: String?
  /// A city name, compared case-insensitively.
  public var city: String?
  /// A US postal code, `12345` or `12345-6789`; matched on its five-digit ZIP.
  public var postalCode: String?
  /// Near a point or a postal code, within a radius.
  public var near: Near?
  /// Offers every one of these routes.
  public var routes: [Route] = []
  /// Treats every one of these conditions (slugs such as `depression`).
  public var conditions: [String] = []
  /// Accepts any of these payers (slugs such as `aetna`). Given together with ``slidingScale``,
  /// the two are alternatives: a provider matches when it accepts one of these payers *or* offers
  /// a sliding scale ("insurance accepted or sliding scale").
  public var insurance: [String] = []
  /// Offers a sliding scale (see ``insurance`` for the two together).
  public var slidingScale: Bool = false
  /// May treat patients in this state by telehealth (USPS code).
  public var telehealthState: String?
  /// Accepting new patients.
  public var acceptingNewPatients: Bool = false
  /// Latest score at least this, 0...100.
  public var minimumScore: Int?
  /// Latest tier is any of these.
  public var tiers: [Tier] = []
  /// The latest assessment raised no critical flag.
  public var noCriticalFlags: Bool = false
  /// The latest assessment raised no major flag.
  public var noMajorFlags: Bool = false
  /// Clinics, solo practitioners, or both (`nil`).
  public var kind: ProviderKind?
  /// The order of the hits; ``Sort/distance`` needs ``near``.
  public var sort: Sort = .score
  /// Hits per page, 1...100; 0 means the default, ``defaultPageSize``.
  public var pageSize: Int = 0
  /// The ``SearchPage/nextPageToken`` of the previous page of this same query, or `nil` for the
  /// first page.
  public var pageToken: String?

  /// The page size used when ``pageSize`` is 0.
  public static let defaultPageSize = 20
  /// The largest page size.
  public static let maximumPageSize = 100
  /// The largest radius, in kilometres.
  public static let maximumRadiusKilometers = 500.0
  /// The longest ``text``.
  public static let maximumTextLength = 200
  /// The most words in ``text``.
  public static let maximumTextWords = 8

  /// A query with no filter: every listed provider, by score.
  public init() {}
}
