using System.Security.Cryptography;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>One RSA key pair per test run for the JWT bearer flow.</summary>
internal static class TestKeys
{
    private static readonly Lazy<(string Private, string Public)> Pair = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    });

    public static string PrivateKeyPem => Pair.Value.Private;

    public static string PublicKeyPem => Pair.Value.Public;
}
