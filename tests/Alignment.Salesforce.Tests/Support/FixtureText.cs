using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>Short access to the shared fixtures.</summary>
internal static class FixtureText
{
    public static string Read(string relativePath) => SharedFixtures.ReadText(relativePath);
}
