using Alignment.TestKit.Paths;

namespace Alignment.Functions.Tests.Metadata;

/// <summary>Reads the functions table of <c>docs/functions.md</c> (columns: function, trigger, methods, route, auth level, schedule setting, retry, job).</summary>
public static class FunctionsDoc
{
    public static string Path => RepoPaths.InRepo("docs", "functions.md");

    public static IReadOnlyList<FunctionContract> ReadContracts()
    {
        var lines = File.ReadAllLines(Path);
        var header = Array.FindIndex(lines, l => l.StartsWith("| function | trigger |", StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidDataException("docs/functions.md has no table starting '| function | trigger |'.");
        }

        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Row)];
    }

    private static FunctionContract Row(string line)
    {
        var cells = line.Trim().Trim('|').Split('|').Select(Cell).ToArray();
        if (cells.Length != 8)
        {
            throw new InvalidDataException("docs/functions.md: a row of the functions table does not have 8 cells: " + line);
        }

        return cells[1] switch
        {
            "HTTP" => FunctionContract.Http(cells[0]!, cells[2]!, cells[3]!, cells[4]!),
            "timer" => FunctionContract.Timer(cells[0]!, cells[5]!, cells[6]),
            "queue" => FunctionContract.Queue(cells[0]!, cells[3]!),
            var other => throw new InvalidDataException($"docs/functions.md: trigger '{other}' is none of HTTP, timer, queue."),
        };
    }

    /// <summary>The cell without spaces and back-ticks; "—" (none) as null.</summary>
    private static string? Cell(string cell)
    {
        var text = cell.Trim().Trim('`');
        return text is "—" or "" ? null : text;
    }
}
