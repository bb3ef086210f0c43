using System.Globalization;
using System.Text.Json;

namespace Alignment.Benchmarks.Calibration;

/// <summary>
/// Writes a calibration snapshot file for the bench, streamed: N accounts with about ten signals each over the last
/// year, and M closed opportunities on distinct accounts whose outcome depends, with noise, on a latent quality that
/// also drives the accounts' fit and signals. Deterministic for a seed.
/// </summary>
internal static class CalibrationBenchOrg
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries = ["Software", "Fintech", "Information Technology", "Retail", "Manufacturing", "Healthcare"];
    private static readonly string[] Countries = ["US", "CA", "GB", "DE", "FR", "BR"];
    private static readonly string[] Kinds = ["WebVisit", "PricingPageView", "ContentDownload", "EmailOpen", "EmailClick", "EmailReply", "MeetingBooked", "DemoAttended"];

    public static void Write(string path, int accounts, int opportunities, int seed)
    {
        var random = new Random(seed);
        var quality = new double[accounts];
        var created = new DateTimeOffset[accounts];
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("asOf", Instant(AsOf));
        w.WriteStartArray("accounts");
        for (var i = 0; i < accounts; i++)
        {
            var q = quality[i] = random.NextDouble();
            created[i] = AsOf.AddDays(-30 - random.Next(330));
            w.WriteStartObject();
            w.WriteString("id", Id("001B", i));
            w.WriteNumber("employees", random.NextDouble() < q ? 200 + random.Next(4000) : 5 + random.Next(150));
            w.WriteString("industry", random.NextDouble() < q ? Industries[random.Next(3)] : Industries[3 + random.Next(3)]);
            w.WriteString("country", random.NextDouble() < q ? Countries[random.Next(4)] : Countries[4 + random.Next(2)]);
            w.WriteStartArray("technologies");
            if (random.NextDouble() < q)
            {
                w.WriteStringValue("Salesforce");
            }

            w.WriteEndArray();
            w.WriteStartArray("signals");
            var count = 4 + random.Next(4) + (int)(q * 6);
            for (var s = 0; s < count; s++)
            {
                // Signals cluster around the opportunity's creation (before and after it).
                var at = created[i].AddHours(-random.Next(24 * 40) + random.Next(24 * 20));
                w.WriteStartObject();
                w.WriteString("kind", Kinds[random.NextDouble() < q ? 1 + random.Next(Kinds.Length - 1) : random.Next(4)]);
                w.WriteString("at", Instant(at));
                w.WriteString("contactId", "c" + random.Next(4).ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("opportunities");
        var stride = Math.Max(1, accounts / Math.Max(1, opportunities));
        for (var o = 0; o < opportunities; o++)
        {
            var i = (o * stride) % accounts;
            var won = random.NextDouble() < 0.05 + (0.6 * quality[i]);
            w.WriteStartObject();
            w.WriteString("id", Id("006B", o));
            w.WriteString("accountId", Id("001B", i));
            w.WriteString("createdAt", Instant(created[i]));
            w.WriteString("closedAt", Instant(created[i].AddDays(15 + random.Next(90))));
            w.WriteBoolean("won", won);
            w.WriteNumber("amount", 1000 + random.Next(80_000));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Id(string prefix, int n) => prefix + n.ToString("D11", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
