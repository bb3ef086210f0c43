namespace Alignment.Cli.Tests.Evaluate;

/// <summary>A temporary folder for a test's input files, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alignment-evaluate-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
