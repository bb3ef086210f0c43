using System.Text;
using System.Text.Json;
using Alignment.HubSpot.Webhooks;
using Alignment.TestKit.Paths;

namespace Alignment.HubSpot.Tests.Webhooks;

public sealed class HubSpotSignatureTests
{
    public static TheoryData<string> VectorIds()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedCrmApi, "hubspot-signature-vectors.json")));
        var data = new TheoryData<string>();
        foreach (var vector in doc.RootElement.GetProperty("vectors").EnumerateArray().Concat(doc.RootElement.GetProperty("derived_not_from_source").EnumerateArray()))
        {
            data.Add(vector.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Signature_OfficialVector_MatchesTheExpectedValue(string id)
    {
        using var doc = JsonDocument.Parse(SharedFixtures.ReadText("hubspot-signature-vectors.json"));
        var v = doc.RootElement.GetProperty("vectors").EnumerateArray().Concat(doc.RootElement.GetProperty("derived_not_from_source").EnumerateArray())
            .Single(x => x.GetProperty("id").GetString() == id);
        var secret = v.GetProperty("secret").GetString()!;
        var body = Encoding.UTF8.GetBytes(v.GetProperty("body").GetString()!);
        string Text(string name) => v.GetProperty(name).GetString()!;

        var actual = v.GetProperty("version").GetString() switch
        {
            "v1" => HubSpotSignature.V1(secret, body),
            "v2" => HubSpotSignature.V2(secret, Text("method"), Text("uri"), body),
            _ => HubSpotSignature.V3(secret, Text("method"), Text("uri"), body, Text("timestamp")),
        };

        Assert.Equal(Text("expected"), actual);
    }

    [Fact]
    public void Matches_DifferentSignature_IsFalse()
    {
        Assert.False(HubSpotSignature.Matches("K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y=", "K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Z="));
        Assert.False(HubSpotSignature.Matches("abc", null));
        Assert.True(HubSpotSignature.Matches("abc", "abc"));
    }

    [Fact]
    public void V3_PercentEncodedUri_IsSignedDecoded()
    {
        var body = "[]"u8.ToArray();

        Assert.Equal(
            HubSpotSignature.V3("s", "POST", "https://x.example/hook?a=b:c", body, "1"),
            HubSpotSignature.V3("s", "POST", "https://x.example/hook?a=b%3Ac", body, "1"));
    }
}
