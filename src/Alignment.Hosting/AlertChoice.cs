namespace Alignment.Hosting;

/// <summary>Where SLA alerts go (<c>Alignment:AlertChannel</c>).</summary>
public enum AlertChoice
{
    Slack,
}
