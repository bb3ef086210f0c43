namespace Alignment.Sandbox.Azurite;

/// <summary>Azurite (or Node.js to run it) is not installed where <see cref="AzuriteProcess"/> looks.</summary>
public sealed class AzuriteNotInstalledException : Exception
{
    public AzuriteNotInstalledException()
    {
    }

    public AzuriteNotInstalledException(string message)
        : base(message)
    {
    }

    public AzuriteNotInstalledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
