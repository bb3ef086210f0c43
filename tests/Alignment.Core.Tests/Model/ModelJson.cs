using System.Text.Json.Nodes;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Model;

/// <summary>The shipped model file, edited by a test.</summary>
internal static class ModelJson
{
    public static string With(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(DefaultScoringModel.Json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public static JsonObject Obj(this JsonObject node, string name) => node[name]!.AsObject();

    public static JsonArray Criteria(this JsonObject root) => root.Obj("fit")["criteria"]!.AsArray();
}
