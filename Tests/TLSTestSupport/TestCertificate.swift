import Crypto
import Foundation
import SwiftASN1
import X509

/// A self-signed certificate for `localhost` and 127.0.0.1, made in-process for TLS tests, with
/// its PEM files written to a temporary directory (servers take file paths, as operators give).
public struct TestCertificate: Sendable {
  /// The certificate, PEM.
  public let certificatePEM: String
  /// Its private key (P-256, PKCS#8), PEM.
  public let privateKeyPEM: String
  /// A file holding ``certificatePEM``: the server's chain, and the client's trust root.
  public let certificateFile: String
  /// A file holding ``privateKeyPEM``.
  public let privateKeyFile: String

  /// Makes a certificate valid from an hour ago for a day, and writes its files.
  public static func make() throws -> TestCertificate {
    let key = P256.Signing.PrivateKey()
    let name = try DistinguishedName { CommonName("localhost") }
    let now = Date()
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: Certificate.PublicKey(key.publicKey),
      notValidBefore: now - 3600,
      notValidAfter: now + 86_400,
      issuer: name,
      subject: name,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        SubjectAlternativeNames([
          .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
        ])
        Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
      },
      issuerPrivateKey: Certificate.PrivateKey(key))
    let certificatePEM = try certificate.serializeAsPEM().pemString
    let privateKeyPEM = key.pemRepresentation
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tls-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let certificateFile = directory.appendingPathComponent("cert.pem")
    let privateKeyFile = directory.appendingPathComponent("key.pem")
    try Data(certificatePEM.utf8).write(to: certificateFile)
    try Data(privateKeyPEM.utf8).write(to: privateKeyFile)
    return TestCertificate(
      certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM,
      certificateFile: certificateFile.path, privateKeyFile: privateKeyFile.path)
  }
}
