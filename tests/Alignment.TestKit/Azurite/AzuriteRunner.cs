using System.Globalization;
using Alignment.Sandbox.Azurite;
using Alignment.TestKit.Paths;

namespace Alignment.TestKit.Azurite;

/// <summary>
/// Runs Azurite's Table service (from <c>tools/azurite</c>) on a free loopback port with in-memory persistence for a
/// test run. Prefer the <see cref="AzuriteFixture"/> (one per test assembly) and a fresh table prefix per test class.
/// </summary>
public sealed class AzuriteRunner : IAsyncDisposable
{
    private readonly AzuriteProcess _process;

    private AzuriteRunner(AzuriteProcess process) => _process = process;

    /// <summary>A connection string to the development account on this Azurite.</summary>
    public string ConnectionString => _process.ConnectionString;

    /// <summary><c>http://127.0.0.1:{port}/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => _process.TableEndpoint;

    /// <summary>Starts Azurite; fails with a message saying how to install it when it is missing.</summary>
    public static async Task<AzuriteRunner> StartAsync(CancellationToken cancellationToken = default)
    {
        if (AzuriteProcess.FindScript(RepoPaths.RepoRoot) is null)
        {
            throw new InvalidOperationException(
                "Azurite is not installed in tools/azurite/node_modules; the storage tests need it: " + AzuriteProcess.InstallHint + " (from the repository root).");
        }

        var process = await AzuriteProcess.StartAsync(RepoPaths.RepoRoot, 0, cancellationToken);
        return new AzuriteRunner(process);
    }

    /// <summary>A table prefix no other test class uses, e.g. <c>tcheckpoints1a2b3c4d</c> (letters and digits only).</summary>
    public static string NewTablePrefix(string hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var letters = new string(hint.Where(char.IsAsciiLetterOrDigit).Take(20).ToArray()).ToLowerInvariant();
        return "t" + letters + Guid.NewGuid().ToString("N")[..10];
    }

    /// <summary>The <c>Alignment:State</c> settings for this Azurite and <paramref name="tablePrefix"/>, for an in-memory configuration.</summary>
    public IReadOnlyDictionary<string, string?> StateSettings(string tablePrefix) => new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["Alignment:State:ConnectionString"] = ConnectionString,
        ["Alignment:State:TablePrefix"] = tablePrefix,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Azurite at {TableEndpoint}");

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
