namespace Alignment.Core.Model;

/// <summary>One problem in a model or snapshot file.</summary>
/// <param name="Path">JSON path of the bad entry, e.g. <c>$.intent.points.WebVisit</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ModelError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
