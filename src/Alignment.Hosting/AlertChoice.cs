namespace Alignment.Hosting;

/// <summary>Where SLA alerts go (<c>Alignment:Alerts</c>).</summary>
public enum AlertChoice
{
    Slack,
}
