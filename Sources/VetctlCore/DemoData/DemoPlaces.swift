/// US cities the demo providers practise in: city, state, the ZIP prefix of its centre, and the
/// centre's coordinates. Providers are scattered within about 15 km of a centre, weighted by
/// the order here (bigger metros first get more providers).
enum DemoPlaces {
  struct Place: Sendable {
    var city: String
    var state: String
    var zip3: String
    var latitude: Double
    var longitude: Double
  }

  static let all: [Place] = [
    Place(city: "New York", state: "NY", zip3: "100", latitude: 40.7506, longitude: -73.9972),
    Place(city: "Los Angeles", state: "CA", zip3: "900", latitude: 34.0614, longitude: -118.2385),
    Place(city: "Chicago", state: "IL", zip3: "606", latitude: 41.8781, longitude: -87.6298),
    Place(city: "Houston", state: "TX", zip3: "770", latitude: 29.7559, longitude: -95.3573),
    Place(city: "Phoenix", state: "AZ", zip3: "850", latitude: 33.4515, longitude: -112.0685),
    Place(city: "Philadelphia", state: "PA", zip3: "191", latitude: 39.9526, longitude: -75.1730),
    Place(city: "San Antonio", state: "TX", zip3: "782", latitude: 29.4241, longitude: -98.4936),
    Place(city: "San Diego", state: "CA", zip3: "921", latitude: 32.7157, longitude: -117.1611),
    Place(city: "Dallas", state: "TX", zip3: "752", latitude: 32.7767, longitude: -96.7970),
    Place(city: "Austin", state: "TX", zip3: "787", latitude: 30.2711, longitude: -97.7437),
    Place(city: "San Francisco", state: "CA", zip3: "941", latitude: 37.7725, longitude: -122.4147),
    Place(city: "Seattle", state: "WA", zip3: "981", latitude: 47.6101, longitude: -122.3344),
    Place(city: "Denver", state: "CO", zip3: "802", latitude: 39.7525, longitude: -104.9995),
    Place(city: "Washington", state: "DC", zip3: "200", latitude: 38.9100, longitude: -77.0170),
    Place(city: "Boston", state: "MA", zip3: "021", latitude: 42.3576, longitude: -71.0640),
    Place(city: "Nashville", state: "TN", zip3: "372", latitude: 36.1520, longitude: -86.7900),
    Place(city: "Portland", state: "OR", zip3: "972", latitude: 45.5152, longitude: -122.6784),
    Place(city: "Las Vegas", state: "NV", zip3: "891", latitude: 36.1699, longitude: -115.1398),
    Place(city: "Detroit", state: "MI", zip3: "482", latitude: 42.3314, longitude: -83.0458),
    Place(city: "Lansing", state: "MI", zip3: "489", latitude: 42.7325, longitude: -84.5555),
    Place(city: "Ann Arbor", state: "MI", zip3: "481", latitude: 42.2808, longitude: -83.7430),
    Place(city: "Minneapolis", state: "MN", zip3: "554", latitude: 44.9847, longitude: -93.2697),
    Place(city: "Atlanta", state: "GA", zip3: "303", latitude: 33.7527, longitude: -84.3918),
    Place(city: "Miami", state: "FL", zip3: "331", latitude: 25.7663, longitude: -80.2040),
    Place(city: "Tampa", state: "FL", zip3: "336", latitude: 27.9506, longitude: -82.4572),
    Place(city: "Orlando", state: "FL", zip3: "328", latitude: 28.5384, longitude: -81.3789),
    Place(city: "Charlotte", state: "NC", zip3: "282", latitude: 35.2271, longitude: -80.8431),
    Place(city: "Raleigh", state: "NC", zip3: "276", latitude: 35.7796, longitude: -78.6382),
    Place(city: "Columbus", state: "OH", zip3: "432", latitude: 39.9612, longitude: -82.9988),
    Place(city: "Cleveland", state: "OH", zip3: "441", latitude: 41.4993, longitude: -81.6944),
    Place(city: "Indianapolis", state: "IN", zip3: "462", latitude: 39.7684, longitude: -86.1581),
    Place(city: "St. Louis", state: "MO", zip3: "631", latitude: 38.6270, longitude: -90.1994),
    Place(city: "Kansas City", state: "MO", zip3: "641", latitude: 39.0997, longitude: -94.5786),
    Place(
      city: "Salt Lake City", state: "UT", zip3: "841", latitude: 40.7566, longitude: -111.8990),
    Place(city: "Albuquerque", state: "NM", zip3: "871", latitude: 35.0844, longitude: -106.6504),
    Place(city: "Sacramento", state: "CA", zip3: "958", latitude: 38.5816, longitude: -121.4944),
    Place(city: "Baltimore", state: "MD", zip3: "212", latitude: 39.2904, longitude: -76.6122),
    Place(city: "Pittsburgh", state: "PA", zip3: "152", latitude: 40.4406, longitude: -79.9959),
    Place(city: "New Orleans", state: "LA", zip3: "701", latitude: 29.9511, longitude: -90.0715),
    Place(city: "Boise", state: "ID", zip3: "837", latitude: 43.6150, longitude: -116.2023),
  ]
}
