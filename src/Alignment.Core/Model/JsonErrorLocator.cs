using System.Text;
using System.Text.Json;

namespace Alignment.Core.Model;

/// <summary>Finds the JSON path of the member being read where a document turns out to be malformed.</summary>
internal static class JsonErrorLocator
{
    public static string PathAtError(string json)
    {
        var frames = new List<(bool IsArray, int Index, string? Name)>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (frames.Count > 0 && frames[^1].IsArray && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.Comment))
                {
                    frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        frames.Add((false, -1, null));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add((true, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = reader.GetString() };
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The frames describe where the reader stopped.
        }

        var path = "$";
        foreach (var (isArray, index, name) in frames)
        {
            if (isArray && index >= 0)
            {
                path = JsonReadContext.Index(path, index);
            }
            else if (!isArray && name is not null)
            {
                path = JsonReadContext.Child(path, name);
            }
        }

        return path;
    }
}
