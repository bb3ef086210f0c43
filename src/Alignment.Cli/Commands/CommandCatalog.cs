using System.CommandLine;

namespace Alignment.Cli.Commands;

/// <summary>The verbs of <c>alignment</c>, one <c>*Command</c> class each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return new EvaluateCommand();
        yield break;
    }
}
